import re
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import DATA_PROTECTION_OFFICER, EDITOR
from portal.core.dates import add_months
from privacy import tasks
from privacy.models import DataRequest
from privacy.services import requests as services
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
WARSAW = timezone.get_default_timezone()


def at(*args):
    return timezone.make_aware(datetime(*args), WARSAW)


def test_months_are_added_as_calendar_months():
    assert add_months(at(2026, 1, 31, 10), 1) == at(2026, 2, 28, 10)
    assert add_months(at(2026, 11, 15, 9), 2) == at(2027, 1, 15, 9)


def test_a_learner_files_a_request_from_the_account_with_a_due_date(client, learner):
    client.force_login(learner)
    frozen = at(2026, 3, 10, 12)
    with mock.patch("django.utils.timezone.now", return_value=frozen):
        response = client.post(reverse("privacy:my_requests"), {"kind": "copy"})

    assert response.status_code == 302
    request = DataRequest.objects.get()
    assert request.user == learner and request.requester_email == learner.email
    assert request.received_at == frozen
    assert request.due_at == at(2026, 4, 10, 12)
    assert "10 kwietnia 2026" in mail.outbox[-1].body


def test_a_second_open_request_of_the_same_type_is_refused(client, learner):
    client.force_login(learner)
    client.post(reverse("privacy:my_requests"), {"kind": "erasure"})
    response = client.post(reverse("privacy:my_requests"), {"kind": "erasure"})
    assert "kind" in response.context["form"].errors
    assert DataRequest.objects.count() == 1
    client.post(reverse("privacy:my_requests"), {"kind": "copy"})
    assert DataRequest.objects.count() == 2


def test_a_request_without_an_account_counts_from_the_confirmation(
    client, site_content
):
    client.post(
        reverse("privacy:public_request"),
        {"name": "Jan Bez Konta", "email": "jan@example.org", "kind": "information"},
    )
    request = DataRequest.objects.get()
    assert request.status == "unconfirmed" and request.due_at is None
    path = re.search(r"/wniosek-rodo/potwierdz/\S+/", mail.outbox[-1].body).group(0)

    client.post(path)

    request.refresh_from_db()
    assert request.status == "received" and request.due_at is not None


def test_the_confirmation_link_expires(client, site_content):
    client.post(
        reverse("privacy:public_request"),
        {"name": "Jan", "email": "jan@example.org", "kind": "information"},
    )
    path = re.search(r"/wniosek-rodo/potwierdz/\S+/", mail.outbox[-1].body).group(0)
    later = timezone.now() + timedelta(hours=49)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(path)
    assert response.status_code == 410
    assert DataRequest.objects.get().status == "unconfirmed"


@pytest.fixture(autouse=True)
def _mail_on_commit():
    """Services queue their mail on commit; in these tests, send it at once."""
    from django.db import transaction

    def run_now(func, using=None, robust=False):
        func()

    with mock.patch.object(transaction, "on_commit", run_now):
        yield


def test_an_extension_needs_reasons_and_notifies_the_person(learner):
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    request = services.data_request_create(user=learner, kind="copy")
    with pytest.raises(services.RequestRuleError):
        services.data_request_extend(request=request, by=officer, reason="  ")

    services.data_request_extend(
        request=request, by=officer, reason="Dużo danych", months=2
    )

    request.refresh_from_db()
    assert request.status == "extended"
    assert request.due_at == add_months(request.received_at, 3)
    assert "Dużo danych" in mail.outbox[-1].body
    with pytest.raises(services.RequestRuleError):
        services.data_request_extend(request=request, by=officer, reason="Znowu")


def test_a_rejection_needs_reasons_and_names_the_right_to_complain(learner):
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    request = services.data_request_create(user=learner, kind="objection")
    with pytest.raises(services.RequestRuleError):
        services.data_request_close(
            request=request, by=officer, outcome="", rejected=True
        )

    services.data_request_close(
        request=request, by=officer, outcome="Obowiązek prawny", rejected=True
    )

    body = mail.outbox[-1].body
    assert "Obowiązek prawny" in body
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in body or "Prezes" in body
    assert "Stawki 2, 00-193 Warszawa" in body
    assert [e.action for e in request.events.all()] == ["filed", "rejected"]


def test_officers_are_reminded_of_requests_near_their_due_date(learner):
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    request = services.data_request_create(user=learner, kind="copy")
    mail.outbox.clear()
    assert tasks.data_requests_remind_task() == 0

    DataRequest.objects.filter(pk=request.pk).update(
        due_at=timezone.now() + timedelta(days=2)
    )

    assert tasks.data_requests_remind_task() == 1
    assert mail.outbox[-1].to == [officer.email]


def test_only_the_data_protection_officer_reaches_the_requests(client, learner):
    request = services.data_request_create(user=learner, kind="copy")
    urls = [
        reverse("data_requests:list"),
        reverse("data_requests:detail", args=[request.pk]),
    ]
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/admin/"

    client.logout()
    login_with_second_factor(client, StaffFactory(role=DATA_PROTECTION_OFFICER))
    assert learner.email in client.get(urls[1]).content.decode()

    response = client.post(
        reverse("data_requests:action", args=[request.pk, "complete"]),
        {"outcome": "Kopia wysłana"},
    )
    request.refresh_from_db()
    assert request.status == "completed"


def test_a_learner_sees_only_their_own_requests(client, learner):
    services.data_request_create(user=UserFactory(), kind="copy", details="Cudze")
    client.force_login(learner)
    assert "Cudze" not in client.get(reverse("privacy:my_requests")).content.decode()


def test_a_restriction_stops_posting_mail_and_statistics_until_lifted(
    client, learner, course
):
    from courses import services as course_services
    from courses.selectors import programme_statistics
    from forum import services as forum_services

    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    course_services.enrollment_create(user=learner, course=course)
    topic = forum_services.topic_create(
        forum=course.forum, author=UserFactory(), title="Temat", body="Treść"
    )
    forum_services.subscription_toggle(user=learner, topic=topic)
    request = services.data_request_create(user=learner, kind="restriction")
    services.data_request_close(request=request, by=officer, outcome="Ograniczono")
    learner.refresh_from_db()
    assert learner.processing_restricted

    mail.outbox.clear()
    forum_services.post_create(topic=topic, author=UserFactory(), body="Nowy wpis")
    assert not any(m.to == [learner.email] for m in mail.outbox)
    client.force_login(learner)
    response = client.post(reverse("forum:topic", args=[topic.pk]), {"body": "x"})
    assert response.status_code == 403
    assert programme_statistics(dimension="course") == []

    services.restriction_lift(request=request, by=officer)

    learner.refresh_from_db()
    assert not learner.processing_restricted
    assert mail.outbox[-1].to == [learner.email]
    assert "18" in mail.outbox[-1].body


def test_restricted_data_is_frozen(client, learner):
    learner.processing_restricted = True
    learner.save()
    client.force_login(learner)
    page = client.get(reverse("accounts:my_data"))
    assert page.status_code == 200 and 'name="first_name"' not in page.content.decode()
    response = client.post(reverse("accounts:my_data"), {"first_name": "Inna"})
    assert response.status_code == 403


def test_rule_errors_reach_the_officer_in_polish(learner):
    from django.utils import translation

    from tests.factories.accounts import StaffFactory

    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    data_request = services.data_request_create(user=learner, kind="copy")
    services.data_request_close(request=data_request, by=officer, outcome="Gotowe")

    with translation.override("pl"):
        with pytest.raises(services.RequestRuleError, match="już zamknięty"):
            services.data_request_close(
                request=data_request, by=officer, outcome="Jeszcze raz"
            )
