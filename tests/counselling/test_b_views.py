"""The learner's counselling pages: free times, booking, sign-up, changes."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse

from counselling import notifications
from counselling.models import Booking, ChangeRequest, ServiceKind, Signup
from portal.core.models import AuditEntry
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    at,
    in_days,
    make_service,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    """Notifications are left out: these tests are about the pages."""
    for name in (
        "booking_notify",
        "signup_notify",
        "phone_list_notify",
        "change_request_notify",
        "complaint_notify",
    ):
        monkeypatch.setattr(notifications, name, lambda *args, **kwargs: None)


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def _url(name, *args):
    return reverse(f"counselling:{name}", args=args)


# --- free times and booking ------------------------------------------------------


def test_free_times_lists_free_slots_and_hides_booked_ones(client):
    free = SlotFactory(starts_at=in_days(3, hour=9))
    taken = SlotFactory(starts_at=in_days(3, hour=11))
    BookingFactory(slot=taken)
    response = client.get(_url("free_times", "individual"))
    assert response.status_code == 200
    assert _url("book_slot", free.pk) in response.text
    assert _url("book_slot", taken.pk) not in response.text


def test_free_times_for_remote_lists_only_remote_slots(client):
    remote = SlotFactory(location=None)
    onsite = SlotFactory()
    response = client.get(_url("free_times", "remote"))
    assert _url("book_slot", remote.pk) in response.text
    assert _url("book_slot", onsite.pk) not in response.text


def test_free_times_filter_by_location_works_without_javascript(client):
    here, there = LocationFactory(), LocationFactory()
    mine = SlotFactory(location=here)
    other = SlotFactory(location=there)
    response = client.get(_url("free_times", "individual"), {"location": here.pk})
    assert _url("book_slot", mine.pk) in response.text
    assert _url("book_slot", other.pk) not in response.text


def test_client_with_a_counsellor_sees_only_their_times_and_the_change_link(
    signed_in, learner
):
    counsellor = CounsellorFactory()
    ClientFactory(user=learner, counsellor=counsellor)
    own = SlotFactory(counsellor=counsellor)
    other = SlotFactory()
    response = signed_in.get(_url("free_times", "individual"))
    assert _url("book_slot", own.pk) in response.text
    assert _url("book_slot", other.pk) not in response.text
    assert _url("change_request") in response.text


def test_unknown_kind_is_404(client):
    assert client.get("/spotkania/terminy/warsztat/").status_code == 404


def test_booking_needs_sign_in(client):
    slot = SlotFactory()
    response = client.get(_url("book_slot", slot.pk))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_staff_cannot_book_online(client):
    client.force_login(StaffFactory())
    response = client.get(_url("book_slot", SlotFactory().pk))
    assert response.status_code == 403


def test_learner_books_a_time_and_lands_on_the_appointment(signed_in, learner):
    slot = SlotFactory()
    page = signed_in.get(_url("book_slot", slot.pk))
    assert page.status_code == 200
    assert 'name="interpreter"' in page.text
    response = signed_in.post(
        _url("book_slot", slot.pk), {"topic": "CV", "interpreter": ""}
    )
    booking = Booking.objects.get(slot=slot)
    assert booking.client.user == learner
    assert booking.topic == "CV"
    assert response["Location"] == _url("appointment", booking.token)


def test_remote_booking_without_phone_or_rules_keeps_what_was_typed(signed_in):
    slot = SlotFactory(location=None)
    response = signed_in.post(
        _url("book_slot", slot.pk), {"topic": "Rozmowa o pracy", "interpreter": ""}
    )
    assert response.status_code == 200
    assert not Booking.objects.exists()
    assert "Rozmowa o pracy" in response.text
    assert 'href="#id_phone"' in response.text
    assert 'href="#id_remote_rules"' in response.text


def test_remote_booking_with_phone_and_rules(signed_in):
    slot = SlotFactory(location=None)
    signed_in.post(
        _url("book_slot", slot.pk),
        {"phone": "600 100 200", "remote_rules": "on", "interpreter": ""},
    )
    booking = Booking.objects.get(slot=slot)
    assert booking.phone == "600 100 200"
    assert booking.remote_rules_accepted_at is not None


def test_taken_slot_sends_back_to_the_free_times(signed_in):
    slot = SlotFactory()
    BookingFactory(slot=slot)
    response = signed_in.post(_url("book_slot", slot.pk), {"interpreter": ""})
    assert response["Location"] == _url("free_times", "individual")


# --- workshops ----------------------------------------------------------------------


def test_workshop_signup_confirmation_page_then_place(signed_in, learner):
    workshop = WorkshopFactory(capacity=2)
    page = signed_in.get(_url("workshop_signup", workshop.pk))
    assert page.status_code == 200
    assert workshop.leader.user.last_name in page.text
    response = signed_in.post(_url("workshop_signup", workshop.pk), {"interpreter": ""})
    signup = Signup.objects.get(workshop=workshop, client__user=learner)
    assert signup.status == Signup.Status.PARTICIPANT
    assert response["Location"] == _url("appointment", signup.token)


def test_full_workshop_puts_the_learner_on_the_reserve_list(signed_in, learner):
    workshop = WorkshopFactory(capacity=1)
    SignupFactory(workshop=workshop)
    response = signed_in.post(
        _url("workshop_signup", workshop.pk), {"interpreter": ""}, follow=True
    )
    signup = Signup.objects.get(workshop=workshop, client__user=learner)
    assert signup.status == Signup.Status.RESERVE
    assert "1" in response.text
    page = signed_in.get(_url("appointment", signup.token))
    assert "reserve" in page.text or "rezerwow" in page.text


def test_service_page_lists_dates_with_free_places_and_reserve(client):
    full = WorkshopFactory(capacity=1)
    SignupFactory(workshop=full)
    SignupFactory(workshop=full, status=Signup.Status.RESERVE)
    free = WorkshopFactory(service=full.service, capacity=5)
    response = client.get(full.service.url)
    assert response.status_code == 200
    assert _url("workshop_signup", full.pk) in response.text
    assert _url("workshop_signup", free.pk) in response.text


# --- "Moje spotkania" and one appointment -----------------------------------------


def test_my_appointments_needs_sign_in(client):
    assert client.get(_url("my_appointments")).status_code == 302


def test_my_appointments_lists_bookings_and_signups(signed_in, learner):
    mine = ClientFactory(user=learner)
    booking = BookingFactory(client=mine)
    signup = SignupFactory(client=mine)
    response = signed_in.get(_url("my_appointments"))
    assert _url("appointment", booking.token) in response.text
    assert _url("appointment", signup.token) in response.text


def test_owner_and_token_holder_see_the_appointment_another_learner_does_not(
    client, learner
):
    booking = BookingFactory(client=ClientFactory(user=learner))
    url = _url("appointment", booking.token)
    assert client.get(url).status_code == 200  # the e-mail link, signed out
    client.force_login(learner)
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.get(_url("appointment", "nope")).status_code == 404


def test_staff_opening_an_appointment_link_is_audited(client):
    booking = BookingFactory()
    client.force_login(StaffFactory())
    assert client.get(_url("appointment", booking.token)).status_code == 200
    entry = AuditEntry.objects.get()
    assert entry.object_id == str(booking.pk)
    assert entry.action == AuditEntry.Action.VIEW


def test_ics_download(client):
    booking = BookingFactory()
    response = client.get(_url("appointment_ics", booking.token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


def test_cancel_page_changes_nothing_until_its_button_is_pressed(client):
    booking = BookingFactory()
    url = _url("appointment_cancel", booking.token)
    assert client.get(url).status_code == 200
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED
    client.post(url)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_offer_answers_are_post_only(client):
    signup = SignupFactory(status=Signup.Status.OFFERED, offer_expires_at=in_days(1))
    assert client.get(_url("offer_confirm", signup.token)).status_code == 405
    client.post(_url("offer_confirm", signup.token))
    signup.refresh_from_db()
    assert signup.status == Signup.Status.PARTICIPANT


def test_leaving_the_reserve_list(client):
    signup = SignupFactory(status=Signup.Status.RESERVE)
    client.post(_url("appointment_cancel", signup.token))
    signup.refresh_from_db()
    assert signup.status == Signup.Status.LEFT


def test_move_to_another_time_of_the_same_counsellor(client):
    booking = BookingFactory()
    other = SlotFactory(
        counsellor=booking.slot.counsellor,
        starts_at=booking.slot.starts_at + timedelta(days=1),
    )
    stranger = SlotFactory()
    page = client.get(_url("appointment_move", booking.token))
    assert f'value="{other.pk}"' in page.text
    assert f'value="{stranger.pk}"' not in page.text
    client.post(_url("appointment_move", booking.token), {"slot": stranger.pk})
    booking.refresh_from_db()
    assert booking.slot_id != stranger.pk
    client.post(_url("appointment_move", booking.token), {"slot": other.pk})
    booking.refresh_from_db()
    assert booking.slot_id == other.pk


def test_after_the_day_before_changes_are_refused_and_contacts_shown(client):
    slot = SlotFactory(starts_at=at(2031, 3, 12, 10))
    booking = BookingFactory(slot=slot)
    late = at(2031, 3, 12, 0, 30)
    with mock.patch("django.utils.timezone.now", return_value=late):
        page = client.get(_url("appointment", booking.token))
        assert _url("appointment_cancel", booking.token) not in page.text
        assert slot.location.phone in page.text
        response = client.post(_url("appointment_cancel", booking.token))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


# --- complaints and the change of counsellor ------------------------------------


def _past_booking(learner):
    """A session tomorrow; tests move the clock past it and sign in then (sessions
    last an hour)."""
    slot = SlotFactory(starts_at=in_days(1, hour=10), ends_at=in_days(1, hour=11))
    return BookingFactory(slot=slot, client=ClientFactory(user=learner))


def test_complaint_on_day_3_is_filed(signed_in, learner):
    booking = _past_booking(learner)
    url = _url("complaint_new", booking.token)
    with mock.patch("django.utils.timezone.now", return_value=in_days(4, hour=12)):
        signed_in.force_login(learner)
        page = signed_in.get(url)
        assert page.status_code == 200
        assert "readonly" in page.text
        signed_in.post(
            url,
            {"full_name": "Anna Nowak", "address": "ul. X 1", "justification": "Bo"},
        )
    assert booking.complaints.get().justification == "Bo"


def test_complaint_on_day_6_is_refused_with_an_explanation(signed_in, learner):
    booking = _past_booking(learner)
    url = _url("complaint_new", booking.token)
    with mock.patch("django.utils.timezone.now", return_value=in_days(7, hour=12)):
        signed_in.force_login(learner)
        page = signed_in.get(url)
        assert page.status_code == 403
        signed_in.post(
            url,
            {"full_name": "Anna Nowak", "address": "ul. X 1", "justification": "Bo"},
        )
    assert not booking.complaints.exists()


def test_complaint_form_keeps_what_was_typed(signed_in, learner):
    booking = _past_booking(learner)
    with mock.patch("django.utils.timezone.now", return_value=in_days(2, hour=12)):
        signed_in.force_login(learner)
        response = signed_in.post(
            _url("complaint_new", booking.token),
            {"full_name": "Anna Nowak", "address": "ul. Długa 7", "justification": ""},
        )
    assert response.status_code == 200
    assert "ul. Długa 7" in response.text
    assert 'href="#id_justification"' in response.text


def test_change_request_is_filed(signed_in, learner):
    client_record = ClientFactory(user=learner, counsellor=CounsellorFactory())
    signed_in.post(_url("change_request"), {"reason": "Inne godziny"})
    assert ChangeRequest.objects.get(client=client_record).reason == "Inne godziny"


def test_remote_service_page_states_the_rules_and_links_to_free_times(client):
    page = make_service(kind=ServiceKind.REMOTE)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "nagrywać" in response.text
    assert _url("free_times", "remote") in response.text
    index = client.get(page.get_parent().url)
    assert page.title in index.text
