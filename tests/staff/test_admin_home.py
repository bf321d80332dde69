"""Each role opens the admin on its own work, and on no one else's."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.admin_home import weekly_figures
from courses.models import Certificate
from forum import services as forum_services
from portal.accounts.roles import (
    COORDINATOR,
    DATA_PROTECTION_OFFICER,
    EDITOR,
    MODERATOR,
)
from portal.core.admin_home import due_label, week_start
from privacy.models import DataRequest
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import pass_course

pytestmark = pytest.mark.django_db

PANELS = {
    MODERATOR: 'id="forum-reports-section"',
    DATA_PROTECTION_OFFICER: 'id="data-requests-section"',
    COORDINATOR: 'id="programme-week-section"',
}


def home_of(client, role):
    login_with_second_factor(client, StaffFactory(role=role))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    # Django's time spans keep a number with its unit by a no-break space.
    return response.content.decode().replace("\xa0", " ")


@pytest.mark.parametrize("role", [MODERATOR, DATA_PROTECTION_OFFICER, COORDINATOR])
def test_each_role_sees_its_own_panel_and_not_the_others(client, site_content, role):
    html = home_of(client, role)

    for panel_role, marker in PANELS.items():
        assert (marker in html) == (panel_role == role), panel_role


def test_an_editor_sees_none_of_the_other_roles_panels(client, site_content):
    html = home_of(client, EDITOR)

    assert not any(marker in html for marker in PANELS.values())


# The moderator ---------------------------------------------------------------------


def report(post, *, days_ago=0):
    forum_services.post_report(post=post, reporter=UserFactory(), reason="spam")
    post.reports.update(created_at=timezone.now() - timedelta(days=days_ago))


def test_the_moderator_sees_open_reports_oldest_first_with_links(client, topic, forum):
    older = topic.posts.first()
    newer = forum_services.post_create(
        topic=topic, author=UserFactory(), body="Druga wypowiedź"
    )
    report(newer, days_ago=1)
    report(older, days_ago=3)
    forum_services.post_report(post=older, reporter=UserFactory(), reason="other")

    html = home_of(client, MODERATOR)

    assert "3 otwarte zgłoszenia" in html
    assert "dotyczące 2 wpisów" in html
    older_link = reverse("forum_moderation:post", args=[older.pk])
    newer_link = reverse("forum_moderation:post", args=[newer.pk])
    assert html.index(older_link) < html.index(newer_link)
    assert "zgłoszone 3 dni temu" in html
    assert reverse("forum_moderation:index") in html


def test_with_nothing_reported_the_moderator_is_told_so(client, site_content):
    html = home_of(client, MODERATOR)

    assert "Żadne zgłoszenie nie czeka" in html


def test_the_moderators_panel_reads_in_the_same_queries_however_many_reports(
    client, topic, django_assert_max_num_queries
):
    login_with_second_factor(client, StaffFactory(role=MODERATOR))
    report(topic.posts.first())
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("wagtailadmin_home"))
    for number in range(6):
        post = forum_services.post_create(
            topic=topic, author=UserFactory(), body=f"Wpis {number}"
        )
        report(post, days_ago=number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("wagtailadmin_home"))


# The data-protection officer ---------------------------------------------------------


def data_request(kind, *, due_in_days, status="received"):
    now = timezone.now()
    return DataRequest.objects.create(
        requester_name="Ewa Nowak",
        requester_email="ewa@example.org",
        kind=kind,
        status=status,
        received_at=now - timedelta(days=20),
        due_at=now + timedelta(days=due_in_days),
    )


def test_the_officer_sees_open_requests_overdue_first_with_the_days_left(
    client, site_content
):
    later = data_request("copy", due_in_days=3)
    overdue = data_request("erasure", due_in_days=-2)
    data_request("other", due_in_days=0, status="unconfirmed")
    data_request("information", due_in_days=-10, status="completed")

    html = home_of(client, DATA_PROTECTION_OFFICER)

    first = reverse("data_requests:detail", args=[overdue.pk])
    second = reverse("data_requests:detail", args=[later.pk])
    assert html.index(first) < html.index(second)
    assert "<strong>po terminie od 2 dni</strong>" in html
    assert "termin za 3 dni" in html
    assert "2 otwarte wnioski" in html
    assert "1 kolejny wniosek czeka na potwierdzenie" in html
    assert reverse("data_requests:index") + "?status=unconfirmed" in html


@pytest.mark.parametrize(
    "shift, text",
    [
        (timedelta(days=1), "termin jutro"),
        (timedelta(days=5), "termin za 5 dni"),
        (timedelta(days=-1), "po terminie od 1 dnia"),
        (timedelta(minutes=-5), "po terminie od dziś"),
    ],
)
def test_due_dates_read_as_a_person_says_them(shift, text):
    now = timezone.make_aware(timezone.datetime(2026, 11, 25, 12, 0))
    assert due_label(now + shift, now) == text


# The coordinator ---------------------------------------------------------------------


def test_the_week_starts_on_monday_at_midnight_in_warsaw():
    wednesday = timezone.make_aware(timezone.datetime(2026, 11, 25, 0, 30))
    start = timezone.localtime(week_start(wednesday))
    assert (start.year, start.month, start.day, start.hour) == (2026, 11, 23, 0)


def figures_of(html):
    """The figures table as {label: [this week, previous week, change]}."""
    cell = r"\s*<td>(.*?)</td>"
    rows = re.findall(r'<th scope="row">(.*?)</th>' + cell * 3, html)
    return {label: [this, last, change] for label, this, last, change in rows}


def test_the_coordinator_compares_this_week_with_the_previous_one(client, course):
    now = timezone.now()
    last_week = week_start(now) - timedelta(days=3)
    old = UserFactory(verified=False)
    old.date_joined = last_week
    old.save(update_fields=["date_joined"])
    pass_course(UserFactory(), course)
    pass_course(UserFactory(), course)
    restricted = UserFactory(processing_restricted=True)
    pass_course(restricted, course)

    html = home_of(client, COORDINATOR)
    figures = figures_of(html)

    assert figures["Nowe konta osób uczących się"] == ["2", "1", "+1"]
    assert figures["w tym z potwierdzonym adresem e-mail"] == ["2", "0", "+2"]
    assert figures["Zapisy na kursy"] == ["2", "0", "+2"]
    assert figures["Zaliczone testy końcowe"] == ["2", "0", "+2"]
    assert figures["Wydane certyfikaty"] == ["2", "0", "+2"]
    assert reverse("programme_statistics:index") + "?date_from=" in html


def test_certificates_stuck_without_a_pdf_are_pointed_out(client, course):
    enrollment = pass_course(UserFactory(), course)
    Certificate.objects.filter(enrollment=enrollment).update(
        status=Certificate.Status.PENDING,
        issued_at=timezone.now() - timedelta(hours=2),
    )

    html = home_of(client, COORDINATOR)

    assert "1 certyfikat czeka na plik PDF dłużej niż 30 min" in html


def test_the_coordinators_figures_take_the_same_queries_however_much_data(
    client, course, django_assert_max_num_queries
):
    pass_course(UserFactory(), course)
    with django_assert_max_num_queries(5) as few:
        weekly_figures()
    for _ in range(4):
        pass_course(UserFactory(), course)
    with django_assert_max_num_queries(len(few.captured_queries)):
        figures = weekly_figures()
    assert figures["figures"][2].current == 5
