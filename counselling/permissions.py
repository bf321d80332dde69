"""Who may book, see and change counselling appointments; views and templates ask here.

An appointment is a `Booking` (individual or remote session) or a `Signup` (a place
on a workshop or on its reserve list). Its page opens for the signed-in owner or for
anyone holding its token (the e-mail link: people entered by phone have no account),
but never for another learner.
"""

from django.utils import timezone

from portal.accounts.permissions import is_verified_learner

from . import rules
from .models import Booking, Counsellor, Signup

CLIENT_WITHDREW = (Booking.Status.CANCELLED, Signup.Status.LEFT)
# A complaint is about a service given: a session that took place, a place held.
SERVICE_GIVEN = (Booking.Status.BOOKED, Signup.Status.PARTICIPANT)


def is_booking(appointment) -> bool:
    return isinstance(appointment, Booking)


def can_book(user) -> bool:
    """Verified learners book sessions and sign up for workshops online."""
    return is_verified_learner(user)


def is_owner(user, appointment) -> bool:
    return (
        user.is_authenticated
        and appointment.client.user_id is not None
        and appointment.client.user_id == user.pk
    )


def can_view_appointment(user, appointment, *, token_ok: bool) -> bool:
    """The owner, or whoever holds the token unless signed in as another learner."""
    if is_owner(user, appointment):
        return True
    if user.is_authenticated and getattr(user, "is_learner", False):
        return False
    return token_ok


def is_live(appointment) -> bool:
    if is_booking(appointment):
        return appointment.status == Booking.Status.BOOKED
    return appointment.status in Signup.LIVE and not appointment.workshop.is_cancelled


def can_change_appointment(appointment, now=None) -> bool:
    """Move, cancel or leave the reserve list: until the end of the day before."""
    now = now or timezone.now()
    return is_live(appointment) and rules.can_change(appointment.starts_at, now)


def can_move_appointment(appointment, now=None) -> bool:
    return is_booking(appointment) and can_change_appointment(appointment, now)


def can_answer_offer(appointment, now=None) -> bool:
    """An offered workshop place is confirmed or declined while the offer lasts."""
    now = now or timezone.now()
    return (
        not is_booking(appointment)
        and appointment.status == Signup.Status.OFFERED
        and not appointment.workshop.is_cancelled
        and (appointment.offer_expires_at is None or now < appointment.offer_expires_at)
        and now < appointment.starts_at
    )


def can_file_complaint(appointment, now=None) -> bool:
    """For 5 days after the service ended (§ 7(1)), about a booking that took
    place or a workshop place held; not about a withdrawal, a cancellation, the
    reserve list or an offer not taken up."""
    now = now or timezone.now()
    if appointment.status not in SERVICE_GIVEN:
        return False
    return now >= appointment.ends_at and rules.complaint_on_time(
        appointment.ends_at, rules.local_date(now)
    )


def complaint_not_yet_open(appointment, now=None) -> bool:
    now = now or timezone.now()
    return now < appointment.ends_at


def can_download_confirmation(appointment) -> bool:
    """A workshop participant marked present gets a confirmation of participation."""
    return not is_booking(appointment) and appointment.attendance == "present"


def can_request_change(user, client) -> bool:
    """A client with an assigned counsellor may ask for another one (§ 3(8))."""
    return (
        client is not None
        and client.counsellor_id is not None
        and is_owner_of_client(user, client)
    )


def is_owner_of_client(user, client) -> bool:
    return user.is_authenticated and client.user_id == user.pk


# --- staff ---------------------------------------------------------------------


def counsellor_of(user):
    """The user's counsellor profile, or None (cached on the user object)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_counselling_counsellor"):
        user._counselling_counsellor = Counsellor.objects.filter(user=user).first()
    return user._counselling_counsellor


def is_centre_manager(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("counselling.manage_centre")
    )


def is_counsellor(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("counselling.counsel")
        and counsellor_of(user) is not None
    )


def can_see_client(user, client) -> bool:
    """The manager; the client's assigned counsellor; a counsellor who has a
    session or leads a workshop with them."""
    if is_centre_manager(user):
        return True
    if not is_counsellor(user):
        return False
    counsellor = counsellor_of(user)
    if client.counsellor_id == counsellor.pk:
        return True
    return (
        Booking.objects.filter(client=client, slot__counsellor=counsellor).exists()
        or Signup.objects.filter(client=client, workshop__leader=counsellor).exists()
    )


def can_read_notes(user, note) -> bool:
    """Notes are confidential: their author and the manager."""
    if is_centre_manager(user):
        return True
    counsellor = counsellor_of(user) if is_counsellor(user) else None
    return counsellor is not None and note.counsellor_id == counsellor.pk


def can_manage_slot(user, slot) -> bool:
    if is_centre_manager(user):
        return True
    counsellor = counsellor_of(user) if is_counsellor(user) else None
    return counsellor is not None and slot.counsellor_id == counsellor.pk
