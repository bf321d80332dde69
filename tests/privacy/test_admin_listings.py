"""The officer's listings: data-subject requests and the audit log, with filters."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import DATA_PROTECTION_OFFICER
from portal.core.models import AuditEntry
from privacy.models import DataRequest
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = StaffFactory(role=DATA_PROTECTION_OFFICER)
    login_with_second_factor(client, user)
    return user


def data_request(name, *, status="received", kind="copy", due_in_days=30):
    now = timezone.now()
    return DataRequest.objects.create(
        requester_name=name,
        requester_email=f"{name.lower()}@example.org",
        kind=kind,
        status=status,
        received_at=now,
        due_at=now + timedelta(days=due_in_days),
    )


def listed(client, url, **query):
    return [row.pk for row in client.get(url, query).context["object_list"]]


def test_requests_are_open_ones_by_due_date_unless_another_status_is_asked(
    client, officer
):
    later = data_request("Later", due_in_days=20)
    sooner = data_request("Sooner", status="extended", due_in_days=10)
    done = data_request("Done", status="completed")
    refused = data_request("Refused", status="rejected")
    waiting = data_request("Waiting", status="unconfirmed")
    url = reverse("data_requests:list")

    assert listed(client, url) == [sooner.pk, later.pk]
    assert listed(client, url, status="nonsense") == [sooner.pk, later.pk]
    assert set(listed(client, url, status="closed")) == {done.pk, refused.pk}
    assert listed(client, url, status="unconfirmed") == [waiting.pk]


def test_requests_due_within_five_days_or_overdue_and_of_one_kind(client, officer):
    overdue = data_request("Overdue", kind="erasure", due_in_days=-1)
    soon = data_request("Soon", due_in_days=4)
    data_request("Later", due_in_days=6)
    url = reverse("data_requests:list")

    assert listed(client, url, due="soon") == [overdue.pk, soon.pk]
    assert listed(client, url, kind="erasure") == [overdue.pk]
    html = client.get(url).content.decode()
    assert reverse("data_requests:detail", args=[overdue.pk]) in html
    assert "po terminie" in html


def test_the_request_list_pages_thirty_at_a_time(client, officer):
    for number in range(31):
        data_request(f"Osoba {number}")

    response = client.get(reverse("data_requests:list"), {"p": 2})

    assert len(response.context["object_list"]) == 1


def test_the_audit_log_is_newest_first_by_action_and_by_who(client, officer):
    other = StaffFactory(role=DATA_PROTECTION_OFFICER)
    viewed = AuditEntry.objects.create(
        actor=officer, action="view", object_type="datarequest", object_id="1"
    )
    erased = AuditEntry.objects.create(
        actor=other, action="delete", object_type="user", object_id="2"
    )
    url = reverse("audit_log")

    assert listed(client, url) == [erased.pk, viewed.pk]
    assert listed(client, url, action="view") == [viewed.pk]
    assert listed(client, url, actor=other.pk) == [erased.pk]


def test_the_listings_run_no_query_per_row(
    client, officer, django_assert_max_num_queries
):
    urls = [reverse("data_requests:list"), reverse("audit_log")]

    def add_rows(number):
        for n in range(number):
            data_request(f"Osoba {n}", due_in_days=n)
            AuditEntry.objects.create(
                actor=StaffFactory(), action="view", object_type="user", object_id=n
            )

    add_rows(1)
    for url in urls:
        client.get(url)  # warm the caches
        with django_assert_max_num_queries(40) as first:
            client.get(url)
        add_rows(10)
        with django_assert_max_num_queries(len(first.captured_queries)):
            client.get(url)
