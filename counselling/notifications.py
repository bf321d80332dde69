"""E-mail to clients and staff about counselling appointments.

Every message to a client names the person leading the service with a direct
phone and e-mail address (§ 3(7) of the rules), the time in Polish time, the
place, and the appointment's page where the client may move or cancel until the
end of the day before; after that, the centre's phone and address. Sign-ups and
changes carry an .ics file. A client entered by staff without an e-mail address
gets nothing: the centre phones them. Mail is queued in the caller's transaction
(`portal.core.mail.email_send`), so a rolled-back change sends nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from portal.accounts.roles import CENTRE_MANAGER
from portal.core.mail import email_send

from . import rules, selectors
from .ics import appointment_calendar, appointment_details, slot_details
from .models import Booking, CounsellingSettings, MeetingLink, Signup

ICS_NAME = "spotkanie.ics"
BOOKING_EVENTS = {
    "booked",
    "moved",
    "cancelled",
    "cancelled_by_centre",
    "reminder",
    "link_sent",
}
SIGNUP_EVENTS = {
    "participant",
    "reserve",
    "offered",
    "confirmed",
    "left",
    "offer_expired",
    "cancelled_by_centre",
    "workshop_moved",
    "reminder",
}
# What the calendar file of each message says: add or update, or remove.
CALENDAR_REQUEST = {
    "booked",
    "moved",
    "reminder",
    "participant",
    "confirmed",
    "workshop_moved",
}
CALENDAR_CANCEL = {"cancelled", "cancelled_by_centre", "left"}
# Mail about the centre's own changes reaches even a person whose processing is
# restricted: without it they would come to a cancelled or moved service.
ESSENTIAL = {"cancelled_by_centre", "workshop_moved"}


def _centre_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return CounsellingSettings.for_site(site) if site else CounsellingSettings()


def _contact(location, centre) -> dict:
    """The centre's phone and address, the location's own where it has them."""
    return {
        "contact_phone": (location and location.phone) or centre.phone,
        "contact_email": (location and location.email) or centre.email,
    }


def _managers():
    return (
        get_user_model()
        .objects.filter(groups__name=CENTRE_MANAGER, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _old_starts_at(extra: dict):
    if previous := extra.get("previous_starts_at"):
        return previous
    slot = extra.get("previous_slot")
    return slot.starts_at if slot is not None else None


def _reserve_position(signup, extra: dict):
    if extra.get("position") or signup.status != Signup.Status.RESERVE:
        return extra.get("position")
    positions = selectors.signups_of(signup.client).filter(pk=signup.pk)
    return positions.values_list("position", flat=True).first()


def _meeting_url(booking: Booking) -> str:
    link = MeetingLink.objects.filter(
        client_id=booking.client_id, counsellor_id=booking.slot.counsellor_id
    ).first()
    return link.url if link else ""


def _appointment_context(appointment, *, now=None) -> dict:
    details = appointment_details(appointment)
    centre = _centre_settings()
    now = now or timezone.now()
    return {
        "client_name": appointment.client.name,
        "details": details,
        "leader": details.leader,
        "appointment_path": details.path,
        "can_change": rules.can_change(details.starts_at, now),
        "last_change_day": rules.local_date(details.starts_at) - timedelta(days=1),
        **_contact(details.location, centre),
    }


def _calendar_method(event: str, *, holds_place: bool = True) -> str:
    """REQUEST (add or update), CANCEL (remove) or "" (no calendar file)."""
    if not holds_place:
        return ""
    if event in CALENDAR_REQUEST:
        return "REQUEST"
    return "CANCEL" if event in CALENDAR_CANCEL else ""


def _attachments(appointment, method: str, *, meeting_url: str = "") -> list:
    if not method:
        return []
    calendar = appointment_calendar(
        appointment, cancel=method == "CANCEL", meeting_url=meeting_url
    )
    return [(ICS_NAME, calendar, f"text/calendar; method={method}")]


def booking_notify(booking, event: str, **extra) -> None:
    """event: booked | moved | cancelled | cancelled_by_centre | reminder |
    link_sent.

    extra: `previous_slot` or `previous_starts_at` (moved), `reason` and
    `new_times` (free slots, cancelled_by_centre), `url` (link_sent, else the
    stored link).
    """
    if event not in BOOKING_EVENTS:
        raise ValueError(f"Unknown booking event: {event}")
    to = booking.client.contact_email
    if not to:
        return
    meeting_url = extra.get("url") or (
        _meeting_url(booking) if booking.slot.is_remote else ""
    )
    method = _calendar_method(event)
    context = {
        **_appointment_context(booking),
        "calendar": method,
        "booking": booking,
        "event": event,
        "extra": extra,
        "old_starts_at": _old_starts_at(extra),
        "meeting_url": meeting_url,
        "reason": extra.get("reason") or booking.cancel_reason,
        "new_times": [
            slot_details(slot, path=reverse("counselling:book_slot", args=[slot.pk]))
            for slot in extra.get("new_times", [])
        ],
    }
    email_send(
        template=f"counselling/email/booking_{event}",
        to=to,
        context=context,
        essential=event in ESSENTIAL,
        attachments=_attachments(booking, method, meeting_url=meeting_url),
    )


def signup_notify(signup, event: str, **extra) -> None:
    """event: participant | reserve | offered | confirmed | left | offer_expired |
    cancelled_by_centre | workshop_moved | reminder.

    extra: `position` (reserve), `previous_starts_at` (workshop_moved), `had_place`
    (left, cancelled_by_centre: False for a reserve-list person, whose calendar
    holds nothing to cancel).
    """
    if event not in SIGNUP_EVENTS:
        raise ValueError(f"Unknown sign-up event: {event}")
    to = signup.client.contact_email
    if not to:
        return
    workshop = signup.workshop
    if event == "workshop_moved":
        holds_place = signup.status == Signup.Status.PARTICIPANT
    else:
        holds_place = extra.get("had_place", True)
    method = _calendar_method(event, holds_place=holds_place)
    email_send(
        template=f"counselling/email/signup_{event}",
        to=to,
        context={
            **_appointment_context(signup),
            "calendar": method,
            "signup": signup,
            "workshop": workshop,
            "event": event,
            "extra": extra,
            "old_starts_at": _old_starts_at(extra),
            "position": _reserve_position(signup, extra),
            "reason": workshop.get_cancel_reason_display(),
        },
        essential=event in ESSENTIAL,
        attachments=_attachments(signup, method),
    )


def phone_list_notify(workshop, signups) -> None:
    """Offers stopped: the manager(s) get the reserve list in order, to phone people."""
    people = [
        {
            "position": position,
            "name": signup.client.name,
            "phone": signup.client.phone,
            "email": signup.client.contact_email,
            "requested_at": signup.requested_at,
        }
        for position, signup in enumerate(signups, start=1)
    ]
    for manager in _managers():
        email_send(
            template="counselling/email/phone_list",
            to=manager.email,
            context={"workshop": workshop, "people": people},
            essential=True,
        )


def change_request_notify(change_request, event: str) -> None:
    """event: filed (to managers) | decided (to the client)."""
    context = {"change_request": change_request, "client": change_request.client}
    if event == "filed":
        for manager in _managers():
            email_send(
                template="counselling/email/change_request_filed",
                to=manager.email,
                context=context,
                essential=True,
            )
    elif event == "decided":
        if to := change_request.client.contact_email:
            email_send(
                template="counselling/email/change_request_decided",
                to=to,
                context=context,
            )
    else:
        raise ValueError(f"Unknown change request event: {event}")


def _complaint_email(complaint) -> str:
    if complaint.email:
        return complaint.email
    return complaint.client.contact_email if complaint.client_id else ""


def complaint_notify(complaint, event: str) -> None:
    """event: filed (receipt to client + managers) | extended | decided.

    Answers to a complaint are owed to the person (§ 7), so they are essential.
    """
    if event not in {"filed", "extended", "decided"}:
        raise ValueError(f"Unknown complaint event: {event}")
    centre = _centre_settings()
    context = {
        "complaint": complaint,
        **_contact(None, centre),
    }
    if to := _complaint_email(complaint):
        email_send(
            template=f"counselling/email/complaint_{event}",
            to=to,
            context=context,
            essential=True,
        )
    if event == "filed":
        for manager in _managers():
            email_send(
                template="counselling/email/complaint_filed_staff",
                to=manager.email,
                context=context,
                essential=True,
            )
