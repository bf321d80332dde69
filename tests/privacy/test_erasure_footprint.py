"""A learner's whole footprint, erased: what is left is on the keep-list, and no more.

The keep-list is `privacy.footprint.KEPT_AFTER_ERASURE` (shown in ARCHITECTURE.md):
after an erasure, every row still pointing at the account belongs to a model on it,
and no text column anywhere, nor the search index, holds the person's name, any
of their e-mail addresses or the phone number they once posted.
"""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from courses import services as course_services
from courses.models import Certificate, LearnerAccommodation
from forum import services as forum_services
from forum.models import Topic
from portal.accounts.roles import DATA_PROTECTION_OFFICER, MODERATOR
from portal.pages.services import contact_message_create
from privacy import tasks as privacy_tasks
from privacy.footprint import KEPT_AFTER_ERASURE
from privacy.models import DataExport
from privacy.registry import user_relations
from privacy.services import requests as privacy_services
from tests.admin_helpers import login_with_second_factor
from tests.counselling.test_c2_privacy import counselling_footprint
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import correct_responses, wrong_responses
from tests.privacy.test_registry import text_values_everywhere

pytestmark = pytest.mark.django_db

FIRST, LAST = "Zenobia", "Przybylska-Ślęk"
EMAILS = ("zenobia.przybylska@example.org", "z.slek@poczta.example.net")
PHONE = "604 555 321"
# What the scan looks for: name stems catch the Polish case forms ("Zenobii").
TRACES = (*EMAILS, "Zenobi", "Przybylsk", "Ślęk", PHONE, PHONE.replace(" ", ""))


@pytest.fixture
def footprint(client, course, site_content, django_capture_on_commit_callbacks):
    """One learner who did everything the portal lets a learner do."""
    person = UserFactory(first_name=FIRST, last_name=LAST, email=EMAILS[0])
    EmailAddress.objects.create(user=person, email=EMAILS[1], verified=True)
    _courses(person, course, django_capture_on_commit_callbacks)
    _accommodation(client, person)
    counselling_footprint(person)
    forum = _forum(person, course)
    contact_message_create(
        name=f"{FIRST} {LAST}", email=EMAILS[1].upper(), message=f"Tel. {PHONE}"
    )
    client.force_login(person)
    client.post(reverse("privacy:decide"), {"action": "accept_all"})
    export = privacy_services.data_export_create(user=person)
    privacy_tasks.data_export_build_task(export.pk)
    assert DataExport.objects.get(pk=export.pk).file
    client.logout()
    return person, forum


def _courses(person, course, capture):
    enrollment = course_services.enrollment_create(user=person, course=course)
    for lesson in course.lessons():
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    failed = course_services.attempt_start(enrollment=enrollment)
    course_services.attempt_submit(attempt=failed, responses=wrong_responses(failed))
    later = timezone.now() + timedelta(minutes=course.cooldown_minutes + 1)
    passed = course_services.attempt_start(enrollment=enrollment, now=later)
    with capture(execute=True):
        course_services.attempt_submit(
            attempt=passed, responses=correct_responses(passed), now=later
        )
    assert Certificate.objects.get(enrollment=enrollment).pdf


def _accommodation(client, person):
    """Granted and changed in the admin (by an administrator: no role may)."""
    admin = StaffFactory(is_superuser=True)
    login_with_second_factor(client, admin)
    form = {"user": person.email, "extra_time_percent": "50", "reason": "Wniosek 7"}
    assert client.post(reverse("accommodations:add"), form).status_code == 302
    accommodation = LearnerAccommodation.objects.get(user=person)
    edit = reverse("accommodations:edit", args=[accommodation.pk])
    assert client.post(edit, {**form, "extra_time_percent": "75"}).status_code == 302
    # Entries written before the label stopped naming the learner.
    log(accommodation, "wagtail.edit", user=admin, title=f"{FIRST} {LAST}: +50%")
    client.logout()


def _forum(person, course):
    forum = course.forum
    other = UserFactory(first_name="Bartek", last_name="Zając")
    moderator = StaffFactory(role=MODERATOR)
    forum_services.topic_create(
        forum=forum, author=person, title=f"{FIRST} pyta o CV", body="Jak zacząć?"
    )
    forum_services.topic_create(
        forum=forum,
        author=person,
        title="Rozmowa kwalifikacyjna",
        body=f"Zadzwońcie: {PHONE}",
        confirm_personal_data=True,
    )
    topic = forum_services.topic_create(
        forum=forum, author=other, title="Staż", body="Kto był na stażu?"
    )
    mine = forum_services.post_create(topic=topic, author=person, body="Ja byłam.")
    hidden = forum_services.post_create(
        topic=topic,
        author=person,
        body=f"Mój numer {PHONE}",
        confirm_personal_data=True,
    )
    for quoted in (mine, hidden):
        forum_services.post_create(
            topic=topic, author=other, body="Dzięki!", quoted=quoted
        )
    forum_services.post_report(
        post=topic.posts.first(),
        reporter=person,
        reason="other",
        comment="Bartek Zając pisze nie na temat",
    )
    forum_services.post_report(
        post=hidden,
        reporter=other,
        reason="personal_data",
        comment=f"{FIRST} {LAST} podaje telefon {PHONE}",
    )
    forum_services.post_hide(post=hidden, by=moderator, reason=f"Telefon {FIRST}")
    forum_services.user_mute(
        user=person, by=moderator, days=1, reason="Zenobii przyda się przerwa"
    )
    forum_services.subscription_toggle(user=person, forum=forum)
    forum_services.topic_mark_read(user=person, topic=topic)
    return forum


def _erase_on_request(person, capture):
    """As the IOD does: close the person's erasure request as completed."""
    request = privacy_services.data_request_create(
        user=person, kind="erasure", details=f"Proszę usunąć konto. Tel. {PHONE}"
    )
    with capture(execute=True):
        privacy_services.data_request_close(
            request=request,
            by=StaffFactory(role=DATA_PROTECTION_OFFICER),
            outcome=f"Usunęliśmy dane Pani Zenobii {LAST}.",
        )


def _searches(client, forum):
    """What the forum search and the site search find for the phone and surname."""
    client.force_login(UserFactory())
    found = []
    for query in (PHONE, "Przybylska"):
        page = client.get(reverse("forum:index", args=[forum.pk]), {"q": query})
        found += [topic.title for topic in page.context["topics"]]
        results = client.get(reverse("search"), {"q": query}).context["results"]
        found += [str(result) for result in results or []]
    client.logout()
    return found


def _traces_left():
    """(model, trace) for every text column in every table holding a trace."""
    return {
        (model._meta.label, trace)
        for model, text in text_values_everywhere()
        for trace in TRACES
        if trace.lower() in text.lower()
    }


def test_erasure_leaves_only_the_keep_list(
    client, footprint, django_capture_on_commit_callbacks
):
    person, forum = footprint
    assert _searches(client, forum) == ["Rozmowa kwalifikacyjna"]
    mail.outbox.clear()

    _erase_on_request(person, django_capture_on_commit_callbacks)

    hits = _traces_left()
    assert not hits, sorted(hits)
    assert _searches(client, forum) == []
    kept_models = {kept.model for kept in KEPT_AFTER_ERASURE}
    still_linked = {
        model._meta.label
        for model, field in user_relations()
        if model._default_manager.filter(**{field.name: person}).exists()
    }
    assert still_linked <= kept_models, still_linked - kept_models
    assert all(apps.get_model(label).objects.exists() for label in kept_models)


def test_the_notice_names_what_was_kept_for_this_person_only(
    footprint, django_capture_on_commit_callbacks
):
    person, forum = footprint

    _erase_on_request(person, django_capture_on_commit_callbacks)

    notice = mail.outbox[-1]
    assert notice.to == [EMAILS[0]]
    for kept in (
        "Twoje wpisy zostają w swoich tematach",
        "Tytuły tematów otwartych przez Ciebie zachowujemy",
        "Zgłoszenia wysłane przez Ciebie zostają",
        "Dziennik moderacji zachowuje",
        "Twoje certyfikaty nie pokazują już",
        "Historia panelu administracyjnego",
        "Twoje wnioski RODO",
        "Twój status i urząd pracy",
    ):
        assert kept in notice.body
    assert "Dziennik audytu" not in notice.body  # never staff
    assert "Historia stron" not in notice.body  # edited no page
    titles = set(Topic.objects.filter(forum=forum).values_list("title", flat=True))
    assert titles == {"Temat (tytuł usunięty)", "Rozmowa kwalifikacyjna", "Staż"}
    history = ModelLogEntry.objects.filter(
        content_type__model="learneraccommodation"
    ).values_list("label", flat=True)
    assert len(history) == 3
    assert all(label.startswith("Dostosowanie testu nr") for label in history)


def test_the_outbox_forgets_the_person_too(
    footprint, django_capture_on_commit_callbacks
):
    """Mail to them and notifications quoting them go; the final notice leaves
    no copy once sent."""
    person, _forum = footprint

    _erase_on_request(person, django_capture_on_commit_callbacks)

    assert not {hit for hit in _traces_left() if hit[0] == "core.OutboxMessage"}


def test_architecture_md_shows_the_keep_list_the_test_reads():
    shown = (settings.BASE_DIR / "ARCHITECTURE.md").read_text()
    for kept in KEPT_AFTER_ERASURE:
        assert f"| {kept.what} | `{kept.model}` | {kept.why} |" in shown
