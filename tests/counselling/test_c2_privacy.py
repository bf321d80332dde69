"""The counselling provider: the copy of data, erasure and retention."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from counselling.models import (
    Attendance,
    Booking,
    ChangeRequest,
    Client,
    Complaint,
    Event,
    MeetingLink,
    Note,
    Signup,
)
from counselling.privacy import LABELS, erase, expire
from counselling.services.complaints import complaint_decide, complaint_file_online
from privacy.models import RetentionSettings
from privacy.registry import covered_models, providers, user_relations
from tests.counselling.a_support import notified_fixture  # noqa: F401 (fixture)
from tests.factories.accounts import UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    manager_user,
)
from tests.privacy.test_registry import text_values_everywhere

pytestmark = pytest.mark.django_db

FIRST, LAST = "Zenobia", "Przybylska-Ślęk"
EMAIL = "zenobia.przybylska@example.org"
PHONE = "604 555 321"
TRACES = (EMAIL, "Zenobi", "Przybylsk", "Ślęk", PHONE, PHONE.replace(" ", ""))


def counselling_footprint(person):
    """A client who did everything: a session, a workshop, a link, a request to
    change the counsellor, a note about them, a complaint decided. Usable by the
    portal-wide erasure footprint test."""
    counsellor = CounsellorFactory()
    client = ClientFactory(user=person, phone=PHONE, counsellor=counsellor)
    ended = timezone.now() - timedelta(days=2)
    booking = BookingFactory(
        client=client,
        phone=PHONE,
        topic=f"{FIRST} chce zmienić zawód",
        slot=SlotFactory(
            counsellor=counsellor,
            starts_at=ended - timedelta(hours=1),
            ends_at=ended,
        ),
        attendance=Attendance.PRESENT,
    )
    SignupFactory(
        client=client,
        workshop=WorkshopFactory(leader=counsellor),
        other_needs=f"Tel. {PHONE}",
    )
    MeetingLink.objects.create(
        client=client, counsellor=counsellor, url="https://meet.example.org/abc"
    )
    ChangeRequest.objects.create(
        client=client, current=counsellor, reason=f"Proszę o zmianę – {FIRST}"
    )
    Note.objects.create(
        client=client, counsellor=counsellor, text=f"Pani {LAST} szuka pracy biurowej."
    )
    Event.objects.create(action=Event.Action.BOOKED, booking=booking, client=client)
    complaint = complaint_file_online(
        appointment=booking,
        full_name=f"{FIRST} {LAST}",
        address="ul. Długa 5, 30-001 Kraków",
        justification=f"Proszę dzwonić: {PHONE}",
        actor=person,
    )
    complaint_decide(
        complaint=complaint,
        status="rejected",
        decision=f"Pani {FIRST} {LAST}: spotkanie odbyło się zgodnie z planem.",
        actor=manager_user(),
    )
    return client


@pytest.fixture
def person():
    return UserFactory(first_name=FIRST, last_name=LAST, email=EMAIL)


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_the_copy_of_data_holds_bookings_notes_and_complaints(person, notified):
    counselling_footprint(person)
    provider = next(p for p in providers() if p.key == "counselling")

    exported = provider.export(person)

    json.dumps(exported)
    assert exported["bookings"][0]["phone"] == PHONE
    assert exported["workshop_signups"][0]["workshop"]
    assert exported["meeting_links"][0]["url"] == "https://meet.example.org/abc"
    assert exported["change_requests"][0]["reason"].endswith(FIRST)
    assert exported["counsellor_notes"][0]["text"].startswith("Pani")
    assert exported["complaints"][0]["full_name"] == f"{FIRST} {LAST}"
    assert set(_keys(exported)) <= set(LABELS)


def test_a_learner_without_counselling_has_an_empty_part(person):
    provider = next(p for p in providers() if p.key == "counselling")
    assert provider.export(person) == {}


def test_every_counselling_model_pointing_at_a_user_is_covered():
    uncovered = {
        model._meta.label
        for model, _field in user_relations()
        if model._meta.app_label == "counselling" and model not in covered_models()
    }
    assert not uncovered


def _traces_left():
    return {
        (model._meta.label, trace)
        for model, text in text_values_everywhere()
        if model._meta.app_label == "counselling"
        for trace in TRACES
        if trace.lower() in text.lower()
    }


def test_erasure_leaves_an_anonymous_complaint_and_nothing_else(person, notified):
    counselling_footprint(person)
    assert _traces_left()

    notes = erase(person)

    assert not _traces_left(), sorted(_traces_left())
    assert not Client.objects.filter(user=person).exists()
    assert not Booking.objects.exists() and not Signup.objects.exists()
    assert not Note.objects.exists() and not MeetingLink.objects.exists()
    complaint = Complaint.objects.get()
    assert complaint.client is None and complaint.status == "rejected"
    assert complaint.service_date and complaint.decided_at
    assert Event.objects.filter(complaint=complaint).exists()
    assert not Event.objects.filter(actor=person).exists()
    assert len(notes) == 1


def test_retention_deletes_records_older_than_the_period(person, notified):
    old = counselling_footprint(person)
    recent = ClientFactory()
    BookingFactory(client=recent)
    periods = RetentionSettings(counselling_record_months=24)

    assert expire(timezone.now(), periods)["counselling_clients"] == 0
    Client.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=800)
    )
    Complaint.objects.update(received_on=date.today() - timedelta(days=800))
    Booking.objects.filter(client=old).update(
        slot=SlotFactory(
            starts_at=timezone.now() - timedelta(days=801),
            ends_at=timezone.now() - timedelta(days=800),
        )
    )
    Signup.objects.filter(client=old).delete()

    counts = expire(timezone.now(), periods)

    assert counts["counselling_clients"] == 1
    assert counts["counselling_complaints"] == 1
    assert Client.objects.filter(pk=recent.pk).exists()
    assert not Client.objects.filter(pk=old.pk).exists()
