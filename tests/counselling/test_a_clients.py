"""Client records, the one counsellor, change requests and meeting links."""

import pytest

from counselling.models import ChangeRequest, Event
from counselling.services import bookings as services
from counselling.services.bookings import BookingError
from counselling.services.clients import (
    change_request_decide,
    change_request_file,
    client_enter,
    client_for_user,
    counsellor_assign,
    meeting_link_set,
)
from tests.counselling.a_support import notified_fixture  # noqa: F401
from tests.factories.accounts import UserFactory
from tests.factories.counselling import (
    ClientFactory,
    CounsellorFactory,
    SlotFactory,
    at,
    manager_user,
)

pytestmark = pytest.mark.django_db

NOW = at(2026, 6, 1, 9)


@pytest.fixture
def counsellor():
    return CounsellorFactory()


@pytest.fixture
def client_record():
    return ClientFactory()


@pytest.fixture
def booking(client_record, counsellor):
    slot = SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 10, 10))
    return services.booking_create(client=client_record, slot=slot, now=NOW)


def actions(**lookup):
    return list(Event.objects.filter(**lookup).values_list("action", flat=True))


def test_client_record_of_a_learner_is_made_once():
    user = UserFactory()
    assert client_for_user(user) == client_for_user(user)


def test_a_person_entered_twice_by_e_mail_keeps_one_record():
    manager = manager_user()
    first = client_enter(
        first_name="Jan", last_name="Kowal", email="jan@example.org", actor=manager
    )
    again = client_enter(
        first_name="Jan",
        last_name="Kowal",
        email="JAN@example.org",
        phone="600",
        actor=manager,
    )
    assert again == first
    assert again.phone == "600"
    with pytest.raises(BookingError):
        client_enter(first_name="", last_name="Kowal", actor=manager)


def test_change_of_counsellor_is_a_request_the_manager_decides(
    booking, client_record, notified
):
    manager = manager_user()
    request = change_request_file(client=client_record, reason="Inne godziny pracy")
    with pytest.raises(BookingError):
        change_request_file(client=client_record, reason="Jeszcze raz")
    new = CounsellorFactory()
    decided = change_request_decide(
        change_request=request, approve=True, new_counsellor=new, note="", actor=manager
    )
    client_record.refresh_from_db()
    assert decided.status == ChangeRequest.Status.APPROVED
    assert client_record.counsellor == new
    assert actions(client=client_record)[-2:] == [
        Event.Action.COUNSELLOR_CHANGED,
        Event.Action.CHANGE_DECIDED,
    ]
    assert notified.events("change_request_notify") == ["filed", "decided"]
    with pytest.raises(BookingError):
        change_request_decide(
            change_request=request, approve=False, note="x", actor=manager
        )


def test_a_refused_change_needs_a_reason(client_record):
    request = change_request_file(client=client_record, reason="Powód")
    with pytest.raises(BookingError):
        change_request_decide(
            change_request=request, approve=False, note="", actor=manager_user()
        )


def test_manager_assigns_a_counsellor_directly(client_record):
    new = CounsellorFactory()
    counsellor_assign(client=client_record, counsellor=new, actor=manager_user())
    client_record.refresh_from_db()
    assert client_record.counsellor == new
    assert actions(client=client_record) == [Event.Action.COUNSELLOR_CHANGED]


def test_meeting_link_is_e_mailed_once_and_again_when_it_changes(
    client_record, counsellor, notified
):
    link = meeting_link_set(
        client=client_record,
        counsellor=counsellor,
        url="https://meet.example.org/a",
        actor=counsellor.user,
        now=NOW,
    )
    assert link.sent_at is None  # no remote booking yet: it waits
    remote = SlotFactory(counsellor=counsellor, location=None)
    booking = services.booking_create(
        client=client_record,
        slot=remote,
        phone="600100200",
        remote_rules_accepted=True,
        now=NOW,
    )
    for url in ("https://meet.example.org/a", "https://meet.example.org/a"):
        link = meeting_link_set(
            client=client_record,
            counsellor=counsellor,
            url=url,
            actor=counsellor.user,
            now=NOW,
        )
    assert link.sent_at == NOW
    meeting_link_set(
        client=client_record,
        counsellor=counsellor,
        url="https://meet.example.org/b",
        actor=counsellor.user,
        now=NOW,
    )
    assert notified.of(booking) == ["booked", "link_sent", "link_sent"]
    assert actions(action=Event.Action.LINK_SENT) == [Event.Action.LINK_SENT] * 2
