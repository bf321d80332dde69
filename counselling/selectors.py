"""Reads for the learner's pages: the catalogue, free times and "Moje spotkania".

Every list is a bounded number of queries whatever its length: related rows come
with `select_related`, counts and reserve positions as annotations.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import rules
from .models import (
    Booking,
    ChangeRequest,
    Client,
    Complaint,
    Counsellor,
    Location,
    MeetingLink,
    ServiceKind,
    ServicePage,
    Signup,
    Slot,
    Workshop,
)

FREE_TIMES_DAYS = 30
WORKSHOPS_SHOWN = 50


def client_of(user):
    """The learner's client record, or None (reads never create one)."""
    if not user.is_authenticated:
        return None
    return Client.objects.filter(user=user).select_related("counsellor__user").first()


# --- catalogue ---------------------------------------------------------------------


def active_locations():
    return Location.objects.filter(is_active=True)


def catalogue_context(page, user) -> dict:
    services = ServicePage.objects.child_of(page).live().order_by("path")
    return {
        "services": services,
        "individual_services": [s for s in services if not s.is_workshop],
        "workshop_services": [s for s in services if s.is_workshop],
        "locations": list(active_locations()),
    }


def workshops_with_counts(queryset):
    """Annotate `taken` (places held), `reserve_count` and `free_places`."""
    return queryset.select_related("location", "leader__user", "service").annotate(
        taken=Count("signups", filter=Q(signups__status__in=Signup.HOLDS_PLACE)),
        reserve_count=Count("signups", filter=Q(signups__status=Signup.Status.RESERVE)),
    )


def upcoming_workshops(service, now=None):
    now = now or timezone.now()
    queryset = Workshop.objects.filter(
        service=service, status=Workshop.Status.SCHEDULED, starts_at__gt=now
    )
    return workshops_with_counts(queryset)[:WORKSHOPS_SHOWN]


def service_context(page, user, now=None) -> dict:
    now = now or timezone.now()
    context = {"is_remote": page.kind == ServiceKind.REMOTE}
    if page.is_workshop:
        workshops = list(upcoming_workshops(page, now))
        mine = {}
        client = client_of(user)
        if client is not None:
            mine = {
                signup.workshop_id: signup
                for signup in Signup.objects.filter(
                    client=client,
                    workshop__in=[w.pk for w in workshops],
                    status__in=Signup.LIVE,
                )
            }
        for workshop in workshops:
            workshop.free_places = max(workshop.capacity - workshop.taken, 0)
            workshop.my_signup = mine.get(workshop.pk)
        context["workshops"] = workshops
    else:
        context["free_times_kind"] = page.kind
    return context


# --- free times --------------------------------------------------------------------


@dataclass
class Day:
    day: date
    slots: list = field(default_factory=list)


def free_slots(*, kind, now=None, location=None, counsellor=None, days=None):
    """Free future times of one kind (individual: at a location; remote: none)."""
    now = now or timezone.now()
    until = now + timedelta(days=days or FREE_TIMES_DAYS)
    taken = Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)
    queryset = (
        Slot.objects.filter(
            withdrawn=False,
            starts_at__gt=now,
            starts_at__lt=until,
            counsellor__is_active=True,
        )
        .exclude(Exists(taken))
        .select_related("location", "counsellor__user")
        .order_by("starts_at", "pk")
    )
    if kind == ServiceKind.REMOTE:
        queryset = queryset.filter(location__isnull=True)
    else:
        queryset = queryset.filter(location__isnull=False, location__is_active=True)
    if location is not None:
        queryset = queryset.filter(location=location)
    if counsellor is not None:
        queryset = queryset.filter(counsellor=counsellor)
    return queryset


def group_by_day(slots) -> list[Day]:
    return [
        Day(day=day, slots=list(items))
        for day, items in groupby(slots, key=lambda s: rules.local_date(s.starts_at))
    ]


def counsellors_for(kind):
    queryset = Counsellor.objects.filter(is_active=True).select_related("user")
    if kind == ServiceKind.REMOTE:
        queryset = queryset.filter(works_remotely=True)
    return queryset


def slot_for_booking(slot_id):
    return (
        Slot.objects.select_related("location", "counsellor__user")
        .filter(pk=slot_id)
        .first()
    )


def slot_is_free(slot, now=None) -> bool:
    now = now or timezone.now()
    return (
        not slot.withdrawn
        and slot.starts_at > now
        and not Booking.objects.filter(slot=slot, status=Booking.Status.BOOKED).exists()
    )


def workshop_for_signup(workshop_id):
    queryset = Workshop.objects.filter(pk=workshop_id)
    return workshops_with_counts(queryset).first()


# --- appointments ------------------------------------------------------------------


def _reserve_position():
    """1-based position on the reserve list, in the order requests came in."""
    ahead = (
        Signup.objects.filter(
            workshop=OuterRef("workshop"), status=Signup.Status.RESERVE
        )
        .filter(
            Q(requested_at__lt=OuterRef("requested_at"))
            | Q(requested_at=OuterRef("requested_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("workshop")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), 0) + 1


def bookings_of(client):
    return Booking.objects.filter(client=client).select_related(
        "client", "slot__location", "slot__counsellor__user"
    )


def signups_of(client):
    return (
        Signup.objects.filter(client=client)
        .select_related(
            "client",
            "workshop__service",
            "workshop__location",
            "workshop__leader__user",
        )
        .annotate(position=_reserve_position())
    )


def meeting_links_of(client) -> dict:
    return {
        link.counsellor_id: link.url
        for link in MeetingLink.objects.filter(client=client)
    }


@dataclass
class Appointments:
    client: Client | None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    complaints: list = field(default_factory=list)
    change_requests: list = field(default_factory=list)


def _decorate(appointment, links):
    booking = isinstance(appointment, Booking)
    appointment.is_booking = booking
    if booking:
        appointment.meeting_url = (
            links.get(appointment.slot.counsellor_id)
            if appointment.slot.location_id is None
            else ""
        )
    else:
        appointment.meeting_url = ""
    return appointment


def my_appointments(user, now=None) -> Appointments:
    now = now or timezone.now()
    client = client_of(user)
    if client is None:
        return Appointments(client=None)
    links = meeting_links_of(client)
    items = [_decorate(b, links) for b in bookings_of(client)]
    items += [_decorate(s, links) for s in signups_of(client)]
    items.sort(key=lambda a: a.starts_at)
    return Appointments(
        client=client,
        upcoming=[a for a in items if a.ends_at > now],
        past=[a for a in reversed(items) if a.ends_at <= now],
        complaints=list(Complaint.objects.filter(client=client).order_by("-pk")),
        change_requests=list(
            ChangeRequest.objects.filter(client=client).select_related(
                "current__user", "new_counsellor__user"
            )
        ),
    )


def appointment_by_token(token):
    """The booking or sign-up with this token, with what its page shows."""
    booking = (
        Booking.objects.select_related(
            "client__user", "slot__location", "slot__counsellor__user"
        )
        .filter(token=token)
        .first()
    )
    if booking is not None:
        return _decorate(booking, meeting_links_of(booking.client))
    signup = (
        Signup.objects.select_related(
            "client__user",
            "workshop__service",
            "workshop__location",
            "workshop__leader__user",
        )
        .annotate(position=_reserve_position())
        .filter(token=token)
        .first()
    )
    if signup is not None:
        return _decorate(signup, {})
    return None


def pending_change_request(client):
    if client is None:
        return None
    return ChangeRequest.objects.filter(
        client=client, status=ChangeRequest.Status.PENDING
    ).first()
