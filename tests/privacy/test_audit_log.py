import pytest
from django.db import connection
from django.urls import reverse

from portal.accounts.roles import DATA_PROTECTION_OFFICER, EDITOR
from portal.core.models import AuditEntry
from privacy.services import requests as services
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


def test_viewing_and_handling_a_request_is_written_to_the_audit_log(client, learner):
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    login_with_second_factor(client, officer)
    request = services.data_request_create(user=learner, kind="erasure")

    client.get(reverse("data_requests:detail", args=[request.pk]))
    client.post(
        reverse("data_requests:action", args=[request.pk, "complete"]),
        {"outcome": "OK"},
    )

    entries = list(AuditEntry.objects.order_by("created_at", "pk"))
    assert [(e.actor, e.action) for e in entries] == [
        (officer, "view"),
        (officer, "delete"),
    ]
    assert entries[0].object_type == "privacy.DataRequest"
    assert entries[0].ip_address == "127.0.0.1"


def test_the_audit_log_cannot_be_changed_or_deleted(learner):
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    entry = AuditEntry.objects.create(
        actor=officer, action="view", object_type="accounts.User", object_id="1"
    )
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's"
)
def test_the_database_refuses_updates_and_deletes_of_the_audit_log(learner):
    from django.db import DatabaseError, transaction

    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    entry = AuditEntry.objects.create(
        actor=officer, action="view", object_type="accounts.User", object_id="1"
    )
    for statement in (
        AuditEntry.objects.filter(pk=entry.pk).update,
        AuditEntry.objects.filter(pk=entry.pk).delete,
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            if statement.__name__ == "update":
                statement(action="change")
            else:
                statement()
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_only_the_officer_reads_the_audit_log(client):
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    response = client.get(reverse("audit_log"))
    assert response.status_code == 302 and response.url == "/admin/"
    client.logout()
    login_with_second_factor(client, StaffFactory(role=DATA_PROTECTION_OFFICER))
    assert client.get(reverse("audit_log")).status_code == 200
