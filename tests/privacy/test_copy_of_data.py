"""The copy of data a person can read, the art. 15 information and portability."""

import io
import json
import re
import zipfile
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from courses import services as course_services
from forum import services as forum_services
from portal.accounts.roles import DATA_PROTECTION_OFFICER, MODERATOR
from portal.pages.demo import CONTENT_DIR
from portal.pages.services import contact_message_create
from privacy import readable, tasks
from privacy.models import ConsentRecord, DataExport
from privacy.registry import providers
from privacy.services import erasure
from privacy.services import requests as services
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import correct_responses, wrong_responses

pytestmark = pytest.mark.django_db

# Every recipient group of the privacy policy (section 4), as the policy names it.
POLICY_RECIPIENTS = [
    "dostawca hostingu",
    "firmy serwisujące nasze systemy informatyczne",
    "minister właściwy do spraw pracy",
    "na jego zlecenie kontrolują i audytują",
    "Fundacja Nauka Biznes, ul. Grodzka 42/1, 31-044 Kraków",
    "z którymi Partner zawarł umowy na usługi w ramach projektu",
    "sąd lub policja",
]


class _Text(HTMLParser):
    """The visible text of a page, and the texts of its labels (dt, h2, h3)."""

    def __init__(self):
        super().__init__()
        self.text, self.labels, self._tag = [], [], None

    def handle_starttag(self, tag, attrs):
        self._tag = tag if tag in ("dt", "h2", "h3", "style", "title") else None

    def handle_data(self, data):
        if self._tag == "style":
            return
        self.text.append(data)
        if self._tag in ("dt", "h2", "h3") and data.strip():
            self.labels.append(data.strip())


def read_html(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.text).split()), parser.labels


@pytest.fixture
def officer(db):
    return StaffFactory(role=DATA_PROTECTION_OFFICER)


@pytest.fixture
def learner_who_did_everything(
    client, learner, course, django_capture_on_commit_callbacks
):
    """Enrolled, finished the lessons, failed and passed the test, posted, reported a
    post, wrote through the contact form, filed requests and chose cookies."""
    learner.first_name, learner.last_name = "Zenobia", "Przybylska"
    learner.save()
    enrollment = course_services.enrollment_create(user=learner, course=course)
    for lesson in course.lessons():
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    failed = course_services.attempt_start(enrollment=enrollment)
    course_services.attempt_submit(attempt=failed, responses=wrong_responses(failed))
    later = timezone.now() + timedelta(minutes=course.cooldown_minutes + 1)
    passed = course_services.attempt_start(enrollment=enrollment, now=later)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.attempt_submit(
            attempt=passed, responses=correct_responses(passed), now=later
        )
    topic = forum_services.topic_create(
        forum=course.forum, author=learner, title="Jak się uczyć?", body="Pytam Was"
    )
    forum_services.post_create(topic=topic, author=learner, body="Mój drugi wpis")
    spam = forum_services.post_create(
        topic=topic, author=UserFactory(), body="Kup tanio!"
    )
    forum_services.post_report(post=spam, reporter=learner, reason="spam")
    forum_services.post_hide(
        post=spam, by=StaffFactory(role=MODERATOR), reason="Reklama"
    )
    contact_message_create(
        name="Zenobia P.", email=learner.email.upper(), message="Nie działa mi test"
    )
    services.data_request_create(user=learner, kind="rectification", details="Imię")
    client.force_login(learner)
    client.post(reverse("privacy:decide"), {"action": "accept_all"})
    return learner


def download(client, user, export):
    client.force_login(user)
    response = client.get(reverse("privacy:export", args=[export.pk]))
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_a_cookie_decision_made_signed_in_names_the_account_until_erasure(
    client, learner
):
    client.post(reverse("privacy:decide"), {"action": "reject_all"})
    client.force_login(learner)
    client.post(reverse("privacy:decide"), {"action": "accept_all"})

    anonymous, signed_in = ConsentRecord.objects.order_by("created_at")
    assert anonymous.user is None and signed_in.user == learner

    erasure.person_erase(user=learner)

    signed_in.refresh_from_db()
    assert signed_in.user is None  # the record stays: it shows what was allowed


def test_every_key_of_every_part_has_a_polish_label(learner_who_did_everything):
    for provider in providers():
        keys = readable.keys_used(provider.export(learner_who_did_everything))
        missing = keys - set(provider.labels or {})
        assert not missing, f"{provider.key}: no label for {sorted(missing)}"
        assert set(provider.portable) <= keys


def test_the_copy_of_data_holds_everything_in_polish_and_local_time(
    client, learner_who_did_everything, officer, django_capture_on_commit_callbacks
):
    learner = learner_who_did_everything
    copy = services.data_request_create(user=learner, kind="copy")
    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_close(request=copy, by=officer, outcome="Gotowe")
    archive = download(client, learner, DataExport.objects.get(user=learner))

    data = json.loads(archive.read("data.json"))
    parts = data["data"]
    enrolment = parts["Kursy"]["enrolments"][0]
    assert len(enrolment["lessons_completed"]) == 3
    failed, passed = enrolment["test_attempts"]
    assert failed["passed"] is False and passed["passed"] is True
    question = failed["questions"][0]
    assert question["question"].startswith("Pytanie numer")
    assert any(answer["chosen"] for answer in question["answers"])
    assert question["answered_correctly"] is False
    forum = parts["Forum"]
    assert [post["text"] for post in forum["posts"]] == ["Pytam Was", "Mój drugi wpis"]
    (report,) = forum["reports_sent"]
    assert report["reason"] == "reklama lub spam" and report["outcome"] == "rozpatrzone"
    (message,) = parts["Formularz kontaktowy i panel administracyjny"][
        "contact_messages"
    ]
    assert message["message"] == "Nie działa mi test"
    privacy = parts["Wnioski RODO i decyzje o cookies"]
    rectification = next(r for r in privacy["data_requests"] if r["details"] == "Imię")
    assert [step["step"] for step in rectification["history"]] == ["złożony"]
    (consent,) = privacy["consent_records"]
    assert consent["categories"] == ["niezbędne", "multimedia"]
    assert data["format"]["version"] >= 2
    assert data["field_descriptions"]["Kursy"]["test_attempts"] == (
        "Podejścia do testu końcowego"
    )

    html = archive.read("index.html").decode()
    text, labels = read_html(html)
    assert '<html lang="pl">' in html
    for heading in ("Konto", "Kursy", "Forum", "Informacje o przetwarzaniu"):
        assert any(label.startswith(heading) for label in labels), heading
    for content in ("Pytam Was", "Nie działa mi test", "Pytanie numer", "rozpatrzone"):
        assert content in text, content
    keys = set().union(*(readable.keys_used(part) for part in parts.values()))
    assert not [label for label in labels if label in keys]
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), "an English key is shown"
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", text), "a raw ISO time is shown"
    assert " True" not in text and " False" not in text and "None" not in text
    with translation.override("pl"):
        sent_at = date_format(timezone.localtime(learner.date_joined), "j E Y, H:i")
    assert sent_at in text  # the account's creation, in Polish time


def test_the_art_15_information_names_every_recipient_of_the_privacy_policy(
    client, learner
):
    policy = (CONTENT_DIR / "polityka-prywatnosci.toml").read_text(encoding="utf-8")
    for recipient in POLICY_RECIPIENTS:
        assert recipient.lower() in policy.lower(), recipient
    export = services.data_export_create(user=learner)
    tasks.data_export_build_task(export.pk)
    archive = download(client, learner, export)

    text, _labels = read_html(archive.read("index.html").decode())
    information = json.loads(archive.read("data.json"))["information_art_15"]
    for recipient in POLICY_RECIPIENTS:
        assert recipient.lower() in text.lower(), recipient
        assert recipient.lower() in " ".join(information["recipients"]).lower()
    # The concrete periods, as the data-protection officer set them.
    for period in ("30 dni od rejestracji", "12 miesięcy", "24 miesiące", "48 godzin"):
        assert period in text, period
    assert "10 lat" in text and "Prezes Urzędu Ochrony Danych Osobowych" in text
    assert "art. 6 ust. 1 lit. a RODO" in text and "art. 20 RODO" in text


def test_an_information_request_sends_the_art_15_information(
    learner, officer, django_capture_on_commit_callbacks
):
    request = services.data_request_create(user=learner, kind="information")

    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_close(request=request, by=officer, outcome="Przesyłamy.")

    body = mail.outbox[-1].body
    assert mail.outbox[-1].to == [learner.email]
    assert "Przesyłamy." in body and "art. 15 RODO" in body
    for recipient in POLICY_RECIPIENTS:
        assert recipient.lower() in body.lower(), recipient
    assert "30 dni od rejestracji" in body and "ul. Stawki 2" in body
    assert not DataExport.objects.exists()


def test_portability_builds_a_documented_data_json_of_what_the_person_gave(
    client, learner_who_did_everything, officer, django_capture_on_commit_callbacks
):
    learner = learner_who_did_everything
    request = services.data_request_create(user=learner, kind="portability")
    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_close(request=request, by=officer, outcome="Gotowe")
    export = DataExport.objects.get(user=learner)
    assert export.kind == "portability"
    client.force_login(learner)
    response = client.get(reverse("privacy:export", args=[export.pk]))
    assert "dane-do-przeniesienia-" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))

    assert set(archive.namelist()) == {"data.json", "index.html"}
    data = json.loads(archive.read("data.json"))
    assert data["format"]["kind"] == "portability"
    assert "JSON" in data["format"]["standard"]
    assert set(data["data"]) == {"Konto", "Kursy", "Forum"}
    assert set(data["data"]["Konto"]) == {
        "first_name",
        "last_name",
        "email",
        "status",
        "labour_office",
    }
    attempts = data["data"]["Kursy"]["enrolments"][0]["test_attempts"]
    assert attempts[1]["questions"][0]["answered_correctly"] is True
    assert data["data"]["Forum"]["posts"][0]["text"] == "Pytam Was"
    assert "information_art_15" not in data
    for label, part in data["data"].items():
        assert set(data["field_descriptions"][label]) == readable.keys_used(part)
    html = archive.read("index.html").decode()
    assert "Twoje dane do przeniesienia" in html and "Pytam Was" in html
    assert "dane do przeniesienia" in mail.outbox[-1].body
