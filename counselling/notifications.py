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
CALENDAR_CANCEL = {"cancelled", "cancelled_by_centre", "left", "offer_expired"}
# Not yet a confirmed place: the calendar gets the event as tentative.
CALENDAR_TENTATIVE = {"reserve", "offered"}
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


# Messages whose text carries the stored meeting link of a remote booking.
LINK_EVENTS = {"booked", "reminder"}


def _meeting_link(booking: Booking):
    return MeetingLink.objects.filter(
        client_id=booking.client_id, counsellor_id=booking.slot.counsellor_id
    ).first()


def _link_mark_sent(booking: Booking, link) -> None:
    """The link went out with this message: setting it again sends nothing."""
    user = booking.client.user if booking.client.user_id else None
    if link is None or link.sent_at is not None:
        return
    if user is not None and user.processing_restricted:
        return  # email_send left the message out
    MeetingLink.objects.filter(pk=link.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )


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
    """REQUEST (add or update), CANCEL (remove) or "" (no calendar file).

    `holds_place`: whether the person's calendar holds the event (a REQUEST,
    tentative or confirmed, was sent); without it there is nothing to remove.
    """
    if event in CALENDAR_REQUEST or event in CALENDAR_TENTATIVE:
        return "REQUEST"
    if event in CALENDAR_CANCEL and holds_place:
        return "CANCEL"
    return ""


def _calendar_held(extra: dict) -> bool:
    """Whether a sign-up that just ended had an event in the person's calendar.

    Every live sign-up was sent one: confirmed (a place), tentative (the reserve
    list, an offer). Without the previous status, `had_place` says it.
    """
    if previous := extra.get("previous_status"):
        return previous in Signup.LIVE
    return extra.get("had_place", True)


def _attachments(
    appointment, method: str, *, tentative: bool = False, meeting_url: str = ""
) -> list:
    if not method:
        return []
    calendar = appointment_calendar(
        appointment,
        cancel=method == "CANCEL",
        tentative=tentative,
        meeting_url=meeting_url,
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
    link = None
    if booking.slot.is_remote and not extra.get("url"):
        link = _meeting_link(booking)
    meeting_url = extra.get("url") or (link.url if link else "")
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
    if event in LINK_EVENTS:
        _link_mark_sent(booking, link)


def signup_notify(signup, event: str, **extra) -> None:
    """event: participant | reserve | offered | confirmed | left | offer_expired |
    cancelled_by_centre | workshop_moved | reminder.

    extra: `position` (reserve), `previous_starts_at` (workshop_moved),
    `previous_status` and `had_place` (left, cancelled_by_centre, offer_expired:
    a CANCEL goes only to a calendar that was sent the event, see
    `_calendar_held`). The reserve list and an offer get a tentative event.
    """
    if event not in SIGNUP_EVENTS:
        raise ValueError(f"Unknown sign-up event: {event}")
    to = signup.client.contact_email
    if not to:
        return
    workshop = signup.workshop
    tentative = event in CALENDAR_TENTATIVE or (
        event == "workshop_moved" and signup.status != Signup.Status.PARTICIPANT
    )
    method = _calendar_method(event, holds_place=_calendar_held(extra))
    email_send(
        template=f"counselling/email/signup_{event}",
        to=to,
        context={
            **_appointment_context(signup),
            "calendar": method,
            "calendar_tentative": tentative,
            "signup": signup,
            "workshop": workshop,
            "event": event,
            "extra": extra,
            "old_starts_at": _old_starts_at(extra),
            "position": _reserve_position(signup, extra),
            "reason": workshop.get_cancel_reason_display(),
        },
        essential=event in ESSENTIAL,
        attachments=_attachments(signup, method, tentative=tentative),
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
