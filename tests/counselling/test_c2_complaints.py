"""Complaints (§ 7): filed online within 5 days, registered by staff, extended,
decided, posted; the Kierownik CPZ's screens."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from counselling.complaint_selectors import complaints_due_soon
from counselling.models import Complaint, Event, ServiceKind, Signup
from counselling.services.complaints import (
    ComplaintError,
    complaint_decide,
    complaint_extend,
    complaint_file_online,
    complaint_mark_posted,
    complaint_register,
)
from portal.core.models import AuditEntry
from tests.admin_helpers import login_with_second_factor
from tests.counselling.a_support import notified_fixture  # noqa: F401 (fixture)
from tests.factories.counselling import (
    BookingFactory,
    CounsellorFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    at,
    manager_user,
)

pytestmark = pytest.mark.django_db

SESSION = at(2026, 3, 2, 10)  # a Monday, 10:00-11:00 Warsaw time


@pytest.fixture
def booking():
    return BookingFactory(
        slot=SlotFactory(starts_at=SESSION, ends_at=SESSION + timedelta(hours=1))
    )


def _file(appointment, now):
    return complaint_file_online(
        appointment=appointment,
        full_name="Zofia Nowak",
        address="ul. Długa 5, 30-001 Kraków",
        justification="Spotkanie zaczęło się z godzinnym opóźnieniem.",
        actor=appointment.client.user,
        now=now,
    )


def test_a_complaint_on_day_three_is_filed_with_the_service_prefilled(
    booking, notified
):
    complaint = _file(booking, at(2026, 3, 5, 12))

    assert complaint.booking == booking
    assert complaint.service_name == str(ServiceKind.INDIVIDUAL.label)
    assert complaint.service_date == date(2026, 3, 2)
    assert complaint.service_place == booking.slot.location.name
    assert complaint.received_on == date(2026, 3, 5)
    assert complaint.due_on == date(2026, 3, 19)
    assert complaint.email == booking.client.user.email
    assert notified.events("complaint_notify") == ["filed"]
    assert Event.objects.filter(
        complaint=complaint, action=Event.Action.COMPLAINT_FILED
    ).exists()


def test_a_complaint_on_day_six_is_refused(booking, notified):
    with pytest.raises(ComplaintError):
        _file(booking, at(2026, 3, 8, 9))
    assert not Complaint.objects.exists()


def test_only_the_client_files_a_complaint_online(booking, notified):
    with pytest.raises(ComplaintError):
        complaint_file_online(
            appointment=booking,
            full_name="X",
            address="Y",
            justification="Z",
            actor=CounsellorFactory().user,
            now=at(2026, 3, 3),
        )


def test_a_workshop_complaint_names_the_topic_and_place(notified):
    workshop = WorkshopFactory(starts_at=SESSION, ends_at=SESSION + timedelta(hours=3))
    signup = SignupFactory(workshop=workshop, status=Signup.Status.PARTICIPANT)

    complaint = _file(signup, at(2026, 3, 4))

    assert complaint.signup == signup
    assert complaint.service_name == workshop.service.title
    assert complaint.service_place.startswith(workshop.location.name)


def _registered(received_on, **kwargs):
    return complaint_register(
        full_name="Jan Kowal",
        address="Rynek 1, 33-300 Nowy Sącz",
        email=kwargs.pop("email", "jan@example.org"),
        service_name="Rozmowa kwalifikacyjna",
        service_date=date(2026, 3, 2),
        service_place="Nowy Sącz",
        justification="Warsztat odbył się w innej sali niż podano.",
        channel=Complaint.Channel.POST,
        received_on=received_on,
        actor=manager_user(),
        **kwargs,
    )


def test_staff_register_a_posted_complaint_and_a_late_one_is_flagged(notified):
    on_time = _registered(date(2026, 3, 7))
    late = _registered(date(2026, 3, 8))

    assert not on_time.is_late and on_time.due_on == date(2026, 3, 21)
    assert late.is_late
    assert on_time.channel == "post"


def test_more_time_needs_a_reason_and_tells_the_client(notified):
    complaint = _registered(date(2026, 3, 4))
    manager = manager_user()
    with pytest.raises(ComplaintError):
        complaint_extend(
            complaint=complaint, reason=" ", new_due_on=date(2026, 4, 1), actor=manager
        )

    complaint = complaint_extend(
        complaint=complaint,
        reason="Potrzebna opinia prawna.",
        new_due_on=date(2026, 4, 1),
        actor=manager,
    )

    assert complaint.due_on == date(2026, 4, 1)
    assert complaint.extended_at is not None
    assert notified.events("complaint_notify") == ["filed", "extended"]


def test_an_upheld_complaint_needs_the_corrective_action(notified):
    complaint = _registered(date(2026, 3, 4))
    manager = manager_user()
    with pytest.raises(ComplaintError):
        complaint_decide(
            complaint=complaint, status="upheld", decision="Zasadne.", actor=manager
        )

    complaint = complaint_decide(
        complaint=complaint,
        status="upheld",
        decision="Zasadne.",
        corrective_action="Dodatkowe spotkanie indywidualne.",
        actor=manager,
    )

    assert complaint.decided_at and complaint.decision_emailed_at
    assert complaint.decided_by == manager
    assert notified.events("complaint_notify")[-1] == "decided"
    complaint = complaint_mark_posted(
        complaint=complaint, posted_on=date(2026, 3, 10), actor=manager
    )
    assert complaint.decision_posted_on == date(2026, 3, 10)


def test_without_an_address_the_decision_is_not_recorded_as_emailed(notified):
    complaint = _registered(date(2026, 3, 9), email="")

    complaint = complaint_decide(
        complaint=complaint,
        status="unexamined",
        decision="Złożone po terminie.",
        posted_on=date(2026, 3, 12),
        actor=manager_user(),
    )

    assert complaint.decision_emailed_at is None
    assert complaint.decision_posted_on == date(2026, 3, 12)


def test_complaints_due_soon_lists_open_ones_near_their_date(notified):
    soon = _registered(date(2026, 3, 4))  # due 18 March
    later = _registered(date(2026, 3, 10))  # due 24 March

    assert complaints_due_soon(at(2026, 3, 16)) == [soon]
    assert later not in complaints_due_soon(at(2026, 3, 16))


def test_the_manager_registers_and_decides_in_the_admin(client, notified):
    manager = manager_user()
    login_with_second_factor(client, manager)
    _registered(date(2026, 3, 4))
    assert client.get(reverse("counselling_complaints_index")).status_code == 200

    response = client.post(
        reverse("counselling_complaints_add"),
        {
            "full_name": "Ala Mak",
            "address": "Kraków",
            "email": "",
            "service_name": "Poradnictwo indywidualne",
            "service_date": "2026-03-02",
            "service_place": "Kraków",
            "justification": "Opis.",
            "channel": "fax",
            "received_on": "2026-03-03",
        },
    )
    complaint = Complaint.objects.get(full_name="Ala Mak")
    assert response.url == reverse("counselling_complaints_detail", args=[complaint.pk])
    detail = reverse("counselling_complaints_detail", args=[complaint.pk])
    assert client.get(detail).status_code == 200
    refused = client.post(
        detail,
        {"action": "decide", "decide-status": "upheld", "decide-decision": "Tak."},
    )
    assert refused.status_code == 200
    assert "decide-corrective_action" in refused.content.decode()
    client.post(
        detail,
        {"action": "decide", "decide-status": "rejected", "decide-decision": "Nie."},
    )
    complaint.refresh_from_db()
    assert complaint.status == "rejected"
    assert AuditEntry.objects.filter(
        actor=manager, object_type="counselling.Complaint"
    ).exists()


def test_a_counsellor_cannot_open_the_complaints(client):
    login_with_second_factor(client, CounsellorFactory().user)
    response = client.get(reverse("counselling_complaints_index"))
    assert response.status_code in (302, 403)
