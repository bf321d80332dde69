"""The portal speaks with one Polish voice: the rules of docs/styl-jezyka.md.

The scans read every template, the msgstr values of the project's Polish
catalogue, and what allauth and Wagtail show through the compiled catalogues
(where the project's own entries win), and fail on a form the style sheet
forbids: masculine-only or bracketed gender forms, "Zaloguj" without "się",
another name for the second factor, English quotes, a hyphen for a dash, and
brackets inside brackets.
"""

import ast
import re
from pathlib import Path

import allauth
import pytest
import wagtail
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from privacy.models import DataRequest

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale/pl/LC_MESSAGES/django.po"
TEMPLATES = ROOT / "templates"

# What the person reads, whoever wrote it.
GENDER_AND_TERMS = {
    "masculine- or feminine-only past tense addressed to the person (zapomniałeś)": (
        r"\w+(?:łeś|łaś|łbyś|łabyś)\b"
    ),
    "first person past tense in one gender (zapoznałem się)": (
        r"\b\w+[aeiouyąę]ł(?:em|am)\b"
    ),
    "gender in brackets or after a slash (ukończył(a), zalogowany/-a)": (
        r"\w\(-?[a-ząęółśżźćń]{1,3}\)|\w/-?(?:a|am|aś|ła|na)\b"
    ),
    "a person described in one gender (zalogowany, zdał, moderator ukrył)": (
        r"\b(?:za|wy)logowan[ya]\b|\bzdała?\b|\bukończyła?\b"
        r"|\b(?:moderator|redaktor|koordynator|inspektor|administrator)\s+\w+ł\b"
    ),
    "one gender for learners: uczestnik/uczestniczka or osoba ucząca się": (
        r"\buczestni(?:k|ka|kowi|kiem|cy|ków|kom|kami|kach)\b"
        r"(?!\s*(?:/|i|lub|albo)\s*uczestnicz)"
    ),
    "log in and log out are „Zaloguj się” and „Wyloguj się”": (
        r"\b(?:za|wy)loguj\b(?!\s+się)"
    ),
    "sign up is „Załóż konto”": r"\bzarejestruj\b",
    "the app is an „aplikacja uwierzytelniająca”": r"autoryzacyjn|autoryzacj",
    "the second factor is „weryfikacja dwuetapowa”": (
        r"dwuskładnikow|\b2FA\b|uwierzytelnian\w* dwuetapow"
    ),
}
# Typography of the portal's own text.
TYPOGRAPHY = {
    "e-mail is spelt „e-mail”": r"(?<![\w@.-])e?mail(?!to:)\w*",
    "quotes are „…”": r"“|(?<![=\w])\"(?=\w)|(?<=\w)\"(?![>\w])",
    "a dash is „–” with spaces, not a hyphen": r"\w\s+-\s+\w",
}

# Values that arrive in brackets of their own: a request's kind ends with its
# article, "sprostowanie danych (art. 16)".
BRACKETED_PLACEHOLDERS = {"kind"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}|%[sd]")
TAG = re.compile(r"<[^>]+>")


def _placeholder_sample(match) -> str:
    name = match.group(1) or match.group(2)
    return "X (art. 1)" if name in BRACKETED_PLACEHOLDERS else "X"


def nested_brackets(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > 1:
                return True
        elif char == ")":
            depth = max(depth - 1, 0)
    return False


def problems(text: str, rules: dict[str, str]) -> list[str]:
    text = PLACEHOLDER.sub(_placeholder_sample, TAG.sub(" ", text))
    found = [name for name, pattern in rules.items() if re.search(pattern, text, re.I)]
    if nested_brackets(text):
        found.append("brackets inside brackets")
    return found


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr forms, refs."""
    entries, entry, field = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        starts_entry = not line or (line.startswith("#") and entry and field)
        if starts_entry and entry and "msgid" in entry:
            entries.append(entry)
            entry, field = None, None
        if not line or line.startswith("#~"):
            continue
        entry = entry or {"refs": "", "msgstr": {}}
        if line.startswith("#:"):
            entry["refs"] += line[2:]
        elif line.startswith("#"):
            continue
        elif match := re.match(
            r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d)\])?\s", line
        ):
            field = match[1] if match[1] != "msgstr" else int(match[2] or 0)
            value = ast.literal_eval(line[match.end() :])
            if isinstance(field, int):
                entry["msgstr"][field] = value
            else:
                entry[field] = value
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
    return [e for e in entries if e["msgid"]]


def report(hits: list[str]) -> str:
    return "\n".join(["Text against docs/styl-jezyka.md:", *hits])


def test_catalogue_follows_the_style_sheet():
    hits = []
    for entry in po_entries(CATALOGUE):
        for text in entry["msgstr"].values():
            if found := problems(text, GENDER_AND_TERMS | TYPOGRAPHY):
                hits.append(f"{entry['msgid'][:60]!r} -> {text[:90]!r}: {found}")
    assert not hits, report(hits)


TEMPLATE_CODE = re.compile(
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}"
    r"|{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}"
    r"|<script\b.*?</script>|<style\b.*?</style>"
    r"|{#.*?#}|{%.*?%}|{{.*?}}",
    re.S,
)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"}),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_template_text_follows_the_style_sheet(path):
    """Text written into a template rather than the catalogue (English msgids
    inside translate tags are left out)."""
    text = TEMPLATE_CODE.sub(" ", path.read_text(encoding="utf-8"))
    assert not problems(text, GENDER_AND_TERMS | TYPOGRAPHY), path


def _shown(entry: dict) -> list[str]:
    """The Polish the portal shows for a package's entry, after the project's
    catalogue had its say."""
    context, msgid = entry.get("msgctxt"), entry["msgid"]
    if plural := entry.get("msgid_plural"):
        if context:
            return [translation.npgettext(context, msgid, plural, n) for n in (1, 2, 5)]
        return [translation.ngettext(msgid, plural, n) for n in (1, 2, 5)]
    if context:
        return [translation.pgettext(context, msgid)]
    return [translation.gettext(msgid)]


# allauth's parts the portal uses: accounts by e-mail, TOTP and recovery codes.
ALLAUTH_UNUSED = re.compile(
    r"socialaccount|headless|usersessions|idp/|phone|webauthn|passkey"
)


def package_entries():
    allauth_po = Path(allauth.__file__).parent / "locale/pl/LC_MESSAGES/django.po"
    for entry in po_entries(allauth_po):
        if entry["msgstr"].get(0) and not ALLAUTH_UNUSED.search(entry["refs"]):
            if ALLAUTH_UNUSED.search(entry["msgid"].lower()):
                continue
            yield "allauth", entry
    for po in sorted(
        Path(wagtail.__file__).parent.rglob("locale/pl/LC_MESSAGES/django.po")
    ):
        for entry in po_entries(po):
            if entry["msgstr"].get(0):
                yield "wagtail", entry


def test_allauth_and_wagtail_strings_follow_the_style_sheet():
    """Gendered or differently named strings from the packages are overridden in
    the project's catalogue."""
    hits = []
    with translation.override("pl"):
        for package, entry in package_entries():
            for text in _shown(entry):
                if found := problems(text, GENDER_AND_TERMS):
                    hits.append(
                        f"{package}: {entry['msgid'][:60]!r} -> {text[:80]!r}: {found}"
                    )
    assert not hits, report(hits)


@pytest.mark.parametrize(
    "template",
    [
        "request_already_open",
        "request_completed",
        "request_confirm",
        "request_extended",
        "request_received",
        "request_rejected",
    ],
)
def test_request_emails_never_put_brackets_inside_brackets(template):
    """Each request kind ends with its article in brackets, so the mails name
    the kind without brackets of their own."""
    now = timezone.now()
    with translation.override("pl"):
        for kind in DataRequest.Kind:
            request = DataRequest(
                kind=kind,
                requester_email="osoba@example.org",
                received_at=now,
                due_at=now,
                outcome="Gotowe.",
                extension_reason="Złożony wniosek.",
            )
            text = render_to_string(
                f"privacy/email/{template}_message.txt",
                {"request": request, "hours": 48, "base_url": "", "path": "/"},
            )
            assert not nested_brackets(text), text


def test_the_rules_catch_what_they_name():
    for text in [
        "Zapomniałeś hasła?",
        "Zapisałem/am moje kody",
        "ukończył(a) kurs",
        "Jesteś już zalogowany jako Anna.",
        "Zaloguj",
        "Aplikacja autoryzacyjna",
        "Uwierzytelnianie dwuskładnikowe",
        "Ile razy uczestnik może podejść",
        "Moderator ukrył ten wpis.",
        "Twój wniosek (%(kind)s).",
    ]:
        assert problems(text, GENDER_AND_TERMS), text
    for text in ["Adresy email", "Wpisz “kod”", "Strona - główna"]:
        assert problems(text, TYPOGRAPHY), text
    for text in [
        "Nie pamiętasz hasła?",
        "Zaloguj się",
        "uczestnik/uczestniczka",
        "uczestnicy i uczestniczki",
        "Adres e-mail: osoba@example.org",
        "Wniosek: %(kind)s, termin %(due)s (art. 12 ust. 3 RODO).",
        'Kliknij <a href="%(url)s">„tutaj”</a>',
    ]:
        assert not problems(text, GENDER_AND_TERMS | TYPOGRAPHY), text


# The editor's workflow buttons keep Wagtail's own words: a short English msgid in
# the portal's catalogue ("Approve" for a counselling request once) would rename
# them everywhere, since the project's catalogue wins over Wagtail's.
WAGTAIL_ACTIONS = {
    "Approve",
    "Approve with comment",
    "Reject",
    "Request changes",
    "Cancel workflow",
    "Save draft",
    "Cancelled",
    "Sessions",
}


def test_the_catalogue_leaves_wagtails_action_words_alone():
    ours = {entry["msgid"] for entry in po_entries(CATALOGUE)}
    assert not ours & WAGTAIL_ACTIONS, sorted(ours & WAGTAIL_ACTIONS)
