"""What erasure looks for in free text, and what it keeps on purpose.

Providers erase the rows that point at a person; free text written by others
(a report comment, a moderator's reason, the IOD's answer) can still name them.
`person_traces(user)` gives the providers what to look for: the person's names
and every e-mail address they have had. `KEPT_AFTER_ERASURE` is the one list of
what survives an erasure, on purpose: ARCHITECTURE.md shows it and
`tests/privacy/test_erasure_footprint.py` checks a full erasure against it.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from allauth.account.models import EmailAddress

# How a pseudonymised account looks: the accounts provider writes it, and
# erasure run again on such an account has no name left to look for.
ERASED_NAME = ("Użytkownik", "usunięty")
ERASED_EMAIL_DOMAIN = "konto.invalid"
# Polish names change their ending with the case ("Anna", "Anny", "Annie").
NAME_ENDINGS = r"\w{0,3}"
VOWELS = "aeiouyąęó"


def erased_email(user_id) -> str:
    return f"usuniety-{user_id}@{ERASED_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class PersonTraces:
    """A person's names and e-mail addresses, as found in someone else's text."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern | None:
        alternatives = []
        if self.emails:
            emails = "|".join(re.escape(email) for email in self.emails)
            alternatives.append(rf"(?<![\w.+-])(?:{emails})(?!\w)")
        if self.names:
            names = "|".join(_name_forms(name) for name in self.names)
            alternatives.append(rf"(?<!\w)(?:{names})(?!\w)")
        return re.compile("|".join(alternatives), re.I) if alternatives else None

    def found_in(self, text: str) -> bool:
        pattern = self.pattern
        return bool(pattern and text and pattern.search(text))

    def redact(self, text: str, replacement: str) -> str:
        pattern = self.pattern
        return pattern.sub(replacement, text) if pattern and text else text


def _name_forms(name: str) -> str:
    """A name with its case endings: a final vowel gives way to the ending."""
    if len(name) >= 4:
        stem = name[:-1] if name[-1].lower() in VOWELS else name
        return re.escape(stem) + NAME_ENDINGS
    return re.escape(name)


def person_traces(user) -> PersonTraces:
    """What to look for: the parts of the person's names and all their addresses.

    Call it before the accounts provider runs (it runs last): it pseudonymises the
    name and deletes the addresses. An account already pseudonymised has no traces.
    """
    if user.email.endswith("@" + ERASED_EMAIL_DOMAIN):
        return PersonTraces()
    names = {
        part
        for name in (user.first_name, user.last_name)
        for part in re.split(r"[\s-]+", name)
        if len(part) >= 2
    }
    emails = {user.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    return PersonTraces(names=tuple(sorted(names)), emails=tuple(sorted(emails)))


@dataclass(frozen=True)
class Kept:
    """One thing erasure keeps on purpose: which model holds it, what, and why."""

    model: str
    what: str
    why: str


# Rendered by hand into ARCHITECTURE.md ("What erasure keeps"). Nothing here holds
# a name, an e-mail address or a phone number.
KEPT_AFTER_ERASURE = (
    Kept(
        "accounts.User",
        "the account row, inactive, without a password: status, labour office and "
        'dates; the name becomes "Użytkownik usunięty", the address '
        "usuniety-<id>@konto.invalid",
        "programme reporting counts participants by status and labour office",
    ),
    Kept(
        "courses.Enrollment",
        "enrolments, lessons done, test attempts (questions drawn, scores; answers "
        "removed)",
        "programme reporting: enrolments, completions and pass rates",
    ),
    Kept(
        "courses.Certificate",
        "number, verification code, course title and date of each certificate; "
        "the name replaced, the PDF deleted",
        "a certificate once issued can still be checked by its number",
    ),
    Kept(
        "forum.Post",
        "the place and date of each post, without author and text (quotes of it "
        "say it is no longer available)",
        "other people's replies keep their order",
    ),
    Kept(
        "forum.Topic",
        "topics the person opened, without author; a title naming them or holding "
        'contact data becomes "Temat (tytuł usunięty)", other titles stay',
        "other people's replies stay under their topic",
    ),
    Kept(
        "forum.Report",
        "reason, status and dates of reports by or about the person; reports they "
        "filed lose reporter and comment, comments about their posts lose their "
        "name and contact data",
        "the moderators' record of what was reported and how it was handled",
    ),
    Kept(
        "forum.ModerationAction",
        "moderation actions concerning the person; reasons lose their name and "
        "contact data",
        "moderators answer for what they did",
    ),
    Kept(
        "privacy.DataRequest",
        "the person's data-subject requests and their history: type, dates, "
        "status, the IOD's answer and notes without the person's name; name and "
        "address pseudonymised, the person's own description removed",
        "the administrator must show it answered them (RODO art. 5(2))",
    ),
    Kept(
        "privacy.ConsentRecord",
        "cookie decisions: random id, time, categories, policy version; no longer "
        "linked to the account",
        "proof of consent (RODO art. 7(1)), until its retention period ends",
    ),
    Kept(
        "wagtailcore.ModelLogEntry",
        "the admin's history of the person's test accommodation (and of the "
        "account, if staff changed it there): action, time, staff member; labels "
        "without the name",
        "staff answer for the changes they made",
    ),
    Kept(
        "counselling.Complaint",
        "complaints about counselling services: the service, its date and place, "
        "how it came in, the dates, the status and the decision; name, address, "
        "e-mail and the person's text removed, no longer linked to a client",
        "the centre must show it answered complaints (§ 7 of its rules)",
    ),
)
