"""The information about processing owed under RODO art. 15(1)-(2), in one place.

The copy of data (`index.html` and `data.json`) and the answer to an information
request (e-mail) both render it from here; it says what the privacy policy says,
with the retention periods the data-protection officer set. When the policy
changes, change this module with it (`tests/privacy/test_copy_of_data.py` checks
that every recipient named in the policy is here).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .selectors import retention_periods

ADMINISTRATOR = "Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, 30-107 Kraków"
DATA_PROTECTION_EMAIL = "ochronadanych@wup-krakow.pl"
SUPERVISORY_AUTHORITY = (
    "Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa"
)


def _public_form_url():
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("privacy:public_request")


def _hours(count):
    return ngettext("%(count)s hour", "%(count)s hours", count) % {"count": count}


def _days(count):
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _months(count):
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def _years(count):
    return ngettext("%(count)s year", "%(count)s years", count) % {"count": count}


def _purposes():
    contract = _("RODO art. 6(1)(b): needed for the service you use")
    obligation = _(
        "RODO art. 6(1)(c): the administrator's legal obligation in the pilot project"
    )
    interest = _("RODO art. 6(1)(f): the administrator's legitimate interest")
    consent = _("RODO art. 6(1)(a): your consent, which you may withdraw at any time")
    return [
        {
            "purpose": _(
                "Running your account: courses, end tests, certificates and the "
                "forum, and help in using the portal"
            ),
            "legal_basis": contract,
        },
        {
            "purpose": _(
                "Answering messages and complaints sent through the contact form or "
                "by e-mail"
            ),
            "legal_basis": contract,
        },
        {
            "purpose": _(
                "Monitoring, evaluation, control, audit and reporting of the pilot "
                "project"
            ),
            "legal_basis": obligation,
        },
        {
            "purpose": _("Informing about the project and promoting it"),
            "legal_basis": obligation,
        },
        {
            "purpose": _(
                "Statistics and analyses of how the portal is used, made in aggregate "
                "to improve it"
            ),
            "legal_basis": interest,
        },
        {
            "purpose": _("Checking that the portal works and is secure"),
            "legal_basis": interest,
        },
        {"purpose": _("Archiving the documentation"), "legal_basis": interest},
        {
            "purpose": _("Establishing, pursuing or defending claims"),
            "legal_basis": interest,
        },
        {
            "purpose": _(
                "Career counselling at the counselling centre: bookings, workshop "
                "places and the reserve list, reminders, attendance, complaints"
            ),
            "legal_basis": _(
                "RODO art. 6(1)(e): a task in the public interest under the act of "
                "20 March 2025 on the labour market and employment services"
            ),
        },
        {"purpose": _("Multimedia cookies"), "legal_basis": consent},
    ]


def _categories():
    return [
        _(
            "name, e-mail address, status (unemployed or job seeker) and the labour "
            "office that keeps your registration"
        ),
        _("the date and version of the terms and privacy policy you accepted"),
        _(
            "your learning: lessons completed, test attempts with your answers and "
            "results, certificates"
        ),
        _("forum posts and topics, the display name, subscriptions and reports"),
        _(
            "messages sent to us from your e-mail address, and your requests about "
            "personal data with the history of how they were handled"
        ),
        _(
            "career counselling: your bookings and workshop places, phone number, "
            "needs you tell us (such as a sign-language interpreter), attendance, "
            "your counsellor's notes and your complaints"
        ),
        _(
            "technical data your browser sends (IP address, browser type, time of the "
            "visit) and your decisions about cookies"
        ),
    ]


def _recipients():
    return [
        _(
            "companies that keep the portal running on our behalf – the hosting "
            "provider and the companies servicing our IT systems – under a contract "
            "and only on our instructions"
        ),
        _(
            "the minister responsible for labour, and the bodies that control and "
            "audit the project on the minister's behalf"
        ),
        _(
            "the project partner, Fundacja Nauka Biznes, ul. Grodzka 42/1, 31-044 "
            "Kraków, and the entities with which the partner has contracts for "
            "services in the project"
        ),
        _(
            "authorities and institutions entitled by law, such as a court or the "
            "police – only at their request and within the law"
        ),
    ]


def _retention(periods):
    archive = _years(periods.archival_years)
    if periods.programme_end:
        account = _(
            "while you have an account and the project lasts (until %(end)s), then "
            "for the archival period of %(archive)s"
        ) % {"end": date_format(periods.programme_end, "j E Y"), "archive": archive}
    else:
        account = _(
            "while you have an account and the project lasts, then for the archival "
            "period of %(archive)s after the project ends"
        ) % {"archive": archive}
    return [
        {
            "data": _(
                "your account and your learning: courses, tests, certificates, forum"
            ),
            "period": account,
        },
        {
            "data": _(
                "your requests about personal data and how they were handled (they "
                "show that we answered them)"
            ),
            "period": account,
        },
        {
            "data": _(
                "career counselling: bookings, workshop places, notes and complaints"
            ),
            "period": _("%(period)s from your last service or complaint")
            % {"period": _months(periods.counselling_record_months)},
        },
        {
            "data": _("an account whose e-mail address was never confirmed"),
            "period": _("%(period)s from signing up")
            % {"period": _days(periods.unverified_account_days)},
        },
        {
            "data": _("records of failed sign-ins"),
            "period": _days(periods.failed_login_days),
        },
        {
            "data": _("messages sent through the contact form"),
            "period": _("%(period)s from receipt")
            % {"period": _months(periods.contact_message_months)},
        },
        {
            "data": _("records of decisions about cookies"),
            "period": _("%(period)s from the decision")
            % {"period": _months(periods.consent_record_months)},
        },
        {
            "data": _("the file with a copy of your data or your data to take away"),
            "period": _("%(period)s from its preparation")
            % {"period": _days(periods.data_export_days)},
        },
        {
            "data": _("a request filed without an account and never confirmed"),
            "period": _hours(periods.request_confirmation_hours),
        },
    ]


def _sources():
    return [
        _("from you: what you gave when signing up, in your account and in forms"),
        _(
            "from your use of the portal: progress, test answers and results, "
            "certificates, forum activity"
        ),
        _("from your browser: technical data of each visit"),
    ]


def _rights():
    return [
        _("access to your data and a copy of it (RODO art. 15)"),
        _("rectification (RODO art. 16)"),
        _("erasure (RODO art. 17), except data the law requires us to keep"),
        _("restriction of processing (RODO art. 18)"),
        _(
            "data portability (RODO art. 20): the data you gave us, processed on a "
            "contract or your consent"
        ),
        _(
            "objection (RODO art. 21), on grounds of your particular situation, to "
            "processing based on our legitimate interest"
        ),
        _(
            "withdrawal of consent at any time, without affecting the lawfulness of "
            "the processing before it"
        ),
    ]


def processing_information(periods=None) -> dict:
    """The art. 15 information as plain data, in the active language."""
    periods = periods or retention_periods()
    return {
        "administrator": ADMINISTRATOR,
        "data_protection_contact": _(
            "e-mail %(email)s, or a letter to the administrator's address"
        )
        % {"email": DATA_PROTECTION_EMAIL},
        "purposes_and_legal_bases": _purposes(),
        "categories_of_data": _categories(),
        "recipients": _recipients(),
        "transfers_outside_eea": _(
            "We do not transfer your data outside the European Economic Area or to "
            "international organisations. Only if you allow multimedia cookies may "
            "the provider of an embedded video player process data on its own terms, "
            "also outside the EEA; the cookie settings page names the providers."
        ),
        "retention": _retention(periods),
        "source": _sources(),
        "rights": _rights(),
        "how_to_exercise_rights": _(
            "After signing in, under My data; without an account, through the form "
            "at %(url)s; or by e-mail to %(email)s, or by letter."
        )
        % {"url": _public_form_url(), "email": DATA_PROTECTION_EMAIL},
        "complaint": _(
            "You may lodge a complaint with the supervisory authority: %(authority)s."
        )
        % {"authority": SUPERVISORY_AUTHORITY},
        "automated_decisions": _(
            "We do not profile you and take no decision about you based solely on "
            "automated processing."
        ),
    }


def information_sections(information: dict) -> list[tuple[str, list[str]]]:
    """The same information as headed lists of lines, for index.html and e-mail."""
    pair = _("%(first)s – %(second)s")
    return [
        (_("Administrator"), [information["administrator"]]),
        (
            _("Contact in matters of personal data"),
            [information["data_protection_contact"]],
        ),
        (
            _("Purposes and legal bases"),
            [
                pair % {"first": item["purpose"], "second": item["legal_basis"]}
                for item in information["purposes_and_legal_bases"]
            ],
        ),
        (_("What data we process"), information["categories_of_data"]),
        (_("Who receives the data"), information["recipients"]),
        (_("Transfers outside the EEA"), [information["transfers_outside_eea"]]),
        (
            _("How long we keep the data"),
            [
                pair % {"first": item["data"], "second": item["period"]}
                for item in information["retention"]
            ],
        ),
        (_("Where the data comes from"), information["source"]),
        (_("Your rights"), information["rights"]),
        (_("How to use your rights"), [information["how_to_exercise_rights"]]),
        (_("Complaint"), [information["complaint"]]),
        (_("Automated decisions"), [information["automated_decisions"]]),
    ]
