"""Calendar files (.ics, RFC 5545) for bookings and workshop places.

One UID per appointment for its whole life; SEQUENCE rises with every change, so
the client's calendar replaces the event it holds (METHOD:REQUEST) or removes it
(METHOD:CANCEL). Times are in Europe/Warsaw with its VTIMEZONE.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from .models import Booking, Counsellor, Location, ServiceKind, ServicePage, Signup
from .rules import WARSAW

PRODID = "-//WUP w Krakowie//Kompetencje dla pracy – poradnictwo zawodowe//PL"
DOMAIN = "kompetencjedlapracy.pl"


@dataclass(frozen=True)
class Details:
    """What a message and a calendar file say about one appointment."""

    kind: str  # "booking" | "signup"
    service: str
    starts_at: datetime
    ends_at: datetime
    location: Location | None
    room: str
    leader: Counsellor
    path: str

    @property
    def is_remote(self) -> bool:
        return self.location is None

    @property
    def place(self) -> str:
        if self.location is None:
            return _("Remote meeting")
        parts = [self.location.name, self.location.full_address, self.room]
        return ", ".join(part for part in parts if part)


def _service_name(slot) -> str:
    kind = ServiceKind.INDIVIDUAL if slot.location_id else ServiceKind.REMOTE
    page = ServicePage.objects.live().filter(kind=kind).only("title").first()
    return page.title if page else str(kind.label)


def slot_details(slot, *, path: str = "") -> Details:
    """A counsellor's time, described as a booking of it would be."""
    return Details(
        kind="booking",
        service=_service_name(slot),
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        location=slot.location,
        room="",
        leader=slot.counsellor,
        path=path,
    )


def appointment_details(appointment) -> Details:
    """The service, time, place, leader and page of a booking or a sign-up."""
    path = reverse("counselling:appointment", args=[appointment.token])
    if isinstance(appointment, Booking):
        return slot_details(appointment.slot, path=path)
    if isinstance(appointment, Signup):
        workshop = appointment.workshop
        return Details(
            kind="signup",
            service=workshop.service.title,
            starts_at=workshop.starts_at,
            ends_at=workshop.ends_at,
            location=workshop.location,
            room=workshop.room,
            leader=workshop.leader,
            path=path,
        )
    raise TypeError(f"Not an appointment: {appointment!r}")


def _organizer() -> vCalAddress:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = _("Career Counselling Centre of WUP in Kraków")
    return organizer


def _description(details: Details, *, meeting_url: str = "") -> str:
    leader = details.leader
    lines = [_("Led by: %(name)s") % {"name": leader}]
    if leader.phone:
        lines.append(_("Phone: %(phone)s") % {"phone": leader.phone})
    if leader.email:
        lines.append(_("E-mail address: %(email)s") % {"email": leader.email})
    if meeting_url:
        lines.append(_("Meeting link: %(url)s") % {"url": meeting_url})
    base_url = settings.PORTAL_BASE_URL.rstrip("/")
    lines.append(_("Move or cancel: %(url)s") % {"url": f"{base_url}{details.path}"})
    return "\n".join(lines)


def appointment_calendar(
    appointment,
    *,
    cancel: bool = False,
    tentative: bool = False,
    meeting_url: str = "",
    now=None,
) -> bytes:
    """The .ics of a Booking or a Signup: a request, or its cancellation.

    A tentative request (reserve list, a place offered but not yet confirmed) is
    the same event, same UID, with STATUS:TENTATIVE; confirming it updates it.
    """
    details = appointment_details(appointment)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    event.add("uid", f"{appointment.uid}@{DOMAIN}")
    event.add("sequence", appointment.sequence)
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", details.starts_at.astimezone(WARSAW))
    event.add("dtend", details.ends_at.astimezone(WARSAW))
    event.add("summary", details.service)
    event.add("location", details.place)
    event.add("description", _description(details, meeting_url=meeting_url))
    event.add("organizer", _organizer())
    if cancel:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=(details.starts_at - timedelta(days=366)).date(),
        last_date=(details.ends_at + timedelta(days=366)).date(),
    )
    return calendar.to_ical()
