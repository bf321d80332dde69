"""The officer's screen of one request: readable history, a conscious extension."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import DATA_PROTECTION_OFFICER
from portal.core.models import AuditEntry
from privacy.forms import ExtendForm
from privacy.models import DataRequest
from privacy.services import requests as request_services
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, site_content):
    user = StaffFactory(role=DATA_PROTECTION_OFFICER)
    login_with_second_factor(client, user)
    return user


@pytest.fixture
def data_request(learner):
    return request_services.data_request_create(user=learner, kind="copy")


def detail(client, data_request):
    response = client.get(reverse("data_requests:detail", args=[data_request.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_history_shows_each_step_in_polish_with_a_polish_date(
    client, officer, data_request
):
    request_services.data_request_close(
        request=data_request, by=officer, outcome="Kopia danych w załączniku."
    )
    html = detail(client, data_request)
    history = html[html.index("Historia") :]

    assert "Złożony" in history and "Załatwiony" in history
    for raw in ("filed", "completed"):
        assert f"– {raw}" not in history
    day = timezone.localtime(data_request.received_at)
    assert f"{day:%Y} r., {day:%H:%M}" in history


def test_the_extension_form_chooses_nothing_in_advance(client, officer, data_request):
    html = detail(client, data_request)

    assert ExtendForm().fields["months"].initial is None
    assert 'name="months"' in html
    assert (
        "checked"
        not in html[html.index('name="months"') - 200 :].split("</fieldset>")[0]
    )


def test_an_extension_without_a_length_is_refused_on_the_field_keeping_the_reasons(
    client, officer, data_request
):
    response = client.post(
        reverse("data_requests:action", args=[data_request.pk, "extend"]),
        {"reason": "Wniosek obejmuje dane z wielu lat."},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Wybierz, o ile przedłużyć termin odpowiedzi." in html
    assert "Wniosek obejmuje dane z wielu lat." in html
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.RECEIVED


def test_an_extension_by_the_chosen_months_is_saved_and_audited_in_words(
    client, officer, data_request
):
    response = client.post(
        reverse("data_requests:action", args=[data_request.pk, "extend"]),
        {"reason": "Wniosek obejmuje dane z wielu lat.", "months": "1"},
    )

    assert response.status_code == 302
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.EXTENDED
    assert data_request.due_at - data_request.received_at < timedelta(days=63)
    entry = AuditEntry.objects.filter(action="change").latest("pk")
    assert entry.description.startswith("przedłużono termin odpowiedzi: ")
