"""Counselling: the client record, bookings, workshop places, meeting links,
requests to change the counsellor, counsellors' notes, complaints and the log."""

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.dates import add_months
from privacy.footprint import ERASED_NAME, person_traces
from privacy.registry import DataProvider, register

from . import rules
from .models import (
    Booking,
    ChangeRequest,
    Client,
    Complaint,
    Counsellor,
    Event,
    MeetingLink,
    Note,
    Signup,
)


def _time(value):
    return value.isoformat() if value else None


def _person(counsellor) -> str:
    return str(counsellor) if counsellor else ""


def _appointment(appointment) -> dict:
    return {
        "requested_at": _time(appointment.requested_at),
        "channel": appointment.get_channel_display(),
        "attendance": appointment.get_attendance_display(),
        "interpreter": appointment.get_interpreter_display(),
        "other_needs": appointment.other_needs,
    }


def _bookings(client) -> list[dict]:
    bookings = Booking.objects.filter(client=client).select_related(
        "slot__location", "slot__counsellor__user"
    )
    return [
        {
            "starts_at": _time(b.slot.starts_at),
            "ends_at": _time(b.slot.ends_at),
            "place": b.slot.location.name if b.slot.location_id else _("remote"),
            "counsellor": _person(b.slot.counsellor),
            "status": b.get_status_display(),
            "phone": b.phone,
            "topic": b.topic,
            "cancel_reason": b.cancel_reason,
            "cancelled_at": _time(b.cancelled_at),
            **_appointment(b),
        }
        for b in bookings
    ]


def _signups(client) -> list[dict]:
    signups = Signup.objects.filter(client=client).select_related(
        "workshop__service", "workshop__location", "workshop__leader__user"
    )
    return [
        {
            "workshop": s.workshop.service.title,
            "starts_at": _time(s.workshop.starts_at),
            "ends_at": _time(s.workshop.ends_at),
            "place": s.workshop.location.name,
            "counsellor": _person(s.workshop.leader),
            "status": s.get_status_display(),
            "offer_expires_at": _time(s.offer_expires_at),
            "left_at": _time(s.left_at),
            **_appointment(s),
        }
        for s in signups
    ]


def _addresses(user) -> set[str]:
    """Every e-mail address of the account, lower-cased."""
    emails = {user.email} | set(
        EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return {email.strip().lower() for email in emails if email and email.strip()}


def _email_q(field: str, emails) -> Q:
    """`field` equals one of `emails`, ignoring case."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field}__iexact": email})
    return query


def _clients(user) -> list[Client]:
    """The account's client record and any record staff entered under one of the
    person's addresses before (or without) linking it to the account."""
    return list(
        Client.objects.filter(
            Q(user=user) | Q(user__isnull=True) & _email_q("email", _addresses(user))
        )
        .select_related("counsellor__user", "pup_office")
        .order_by("pk")
    )


def _complaints(clients, user) -> list[dict]:
    complaints = Complaint.objects.filter(
        client__in=clients
    ) | Complaint.objects.filter(
        _email_q("email", _addresses(user)), client__isnull=True
    )
    return [
        {
            "full_name": c.full_name,
            "address": c.address,
            "email": c.email,
            "service": c.service_name,
            "service_date": _time(c.service_date),
            "service_place": c.service_place,
            "justification": c.justification,
            "channel": c.get_channel_display(),
            "received_on": _time(c.received_on),
            "due_on": _time(c.due_on),
            "extension_reason": c.extension_reason,
            "status": c.get_status_display(),
            "decision": c.decision,
            "corrective_action": c.corrective_action,
            "decided_at": _time(c.decided_at),
            "decision_posted_on": _time(c.decision_posted_on),
        }
        for c in complaints.distinct().order_by("received_on", "pk")
    ]


def _client(client) -> dict:
    row = {
        "phone": client.phone,
        "counsellor": _person(client.counsellor),
        "created_at": _time(client.created_at),
    }
    if client.user_id is None:
        row = {"full_name": client.name, "email": client.email, **row}
    return row


def _record(client) -> dict:
    return {
        "client": _client(client),
        "bookings": _bookings(client),
        "workshop_signups": _signups(client),
        "meeting_links": [
            {
                "counsellor": _person(link.counsellor),
                "url": link.url,
                "sent_at": _time(link.sent_at),
            }
            for link in client.meeting_links.select_related("counsellor__user")
        ],
        "change_requests": [
            {
                "reason": r.reason,
                "status": r.get_status_display(),
                "decision_note": r.decision_note,
                "created_at": _time(r.created_at),
                "decided_at": _time(r.decided_at),
            }
            for r in client.change_requests.all()
        ],
        "counsellor_notes": [
            {
                "counsellor": _person(note.counsellor),
                "text": note.text,
                "created_at": _time(note.created_at),
            }
            for note in client.notes.select_related("counsellor__user")
        ],
    }


def export(user) -> dict:
    """The account's record first; a record staff entered under one of the
    person's addresses adds its sessions, sign-ups, links, requests and notes."""
    clients = sorted(_clients(user), key=lambda client: client.user_id != user.pk)
    complaints = _complaints(clients, user)
    if not clients:
        return {"complaints": complaints} if complaints else {}
    data = _record(clients[0])
    for other in clients[1:]:
        for key, rows in _record(other).items():
            if key != "client":
                data[key].extend(rows)
    if len(clients) > 1:
        data["other_records"] = [_client(other) for other in clients[1:]]
    data["complaints"] = complaints
    return data


LABELS = {
    "client": gettext_lazy("Your counselling record"),
    "other_records": gettext_lazy("Records the centre entered for you"),
    "phone": gettext_lazy("Phone"),
    "counsellor": gettext_lazy("Career counsellor"),
    "created_at": gettext_lazy("Date and time"),
    "bookings": gettext_lazy("Individual sessions"),
    "starts_at": gettext_lazy("Starts"),
    "ends_at": gettext_lazy("Ends"),
    "place": gettext_lazy("Place"),
    "status": gettext_lazy("Status"),
    "topic": gettext_lazy("What you wanted to talk about"),
    "cancel_reason": gettext_lazy("Reason for cancelling"),
    "cancelled_at": gettext_lazy("Cancelled on"),
    "requested_at": gettext_lazy("Request received"),
    "channel": gettext_lazy("How it came in"),
    "attendance": gettext_lazy("Attendance"),
    "interpreter": gettext_lazy("Sign-language interpreter"),
    "other_needs": gettext_lazy("Other needs"),
    "workshop_signups": gettext_lazy("Workshops"),
    "workshop": gettext_lazy("Workshop"),
    "offer_expires_at": gettext_lazy("Offer valid until"),
    "left_at": gettext_lazy("Withdrew"),
    "meeting_links": gettext_lazy("Remote meeting links"),
    "url": gettext_lazy("Link"),
    "sent_at": gettext_lazy("E-mailed"),
    "change_requests": gettext_lazy("Requests to change the counsellor"),
    "reason": gettext_lazy("Reason"),
    "decision_note": gettext_lazy("Justification of the decision"),
    "decided_at": gettext_lazy("Decided"),
    "counsellor_notes": gettext_lazy("Counsellors' notes about you"),
    "text": gettext_lazy("Text"),
    "complaints": gettext_lazy("Complaints about services"),
    "full_name": gettext_lazy("Name and surname"),
    "address": gettext_lazy("Address"),
    "email": gettext_lazy("E-mail address"),
    "service": gettext_lazy("Service"),
    "service_date": gettext_lazy("Date of the service"),
    "service_place": gettext_lazy("Place of the service"),
    "justification": gettext_lazy("What the complaint is about and why"),
    "received_on": gettext_lazy("Date received"),
    "due_on": gettext_lazy("Answer due"),
    "extension_reason": gettext_lazy("Reason for more time"),
    "decision": gettext_lazy("Decision and its justification"),
    "corrective_action": gettext_lazy("Corrective action agreed with you"),
    "decision_posted_on": gettext_lazy("Decision sent by post on"),
}


def _anonymise_complaints(complaints, traces) -> int:
    """Keep what was answered and when; drop who complained and what they wrote."""
    removed = _("[removed]")
    count = 0
    for complaint in complaints:
        complaint.full_name = " ".join(ERASED_NAME)
        complaint.address = ""
        complaint.email = ""
        complaint.justification = ""
        complaint.extension_reason = traces.redact(complaint.extension_reason, removed)
        complaint.decision = traces.redact(complaint.decision, removed)
        complaint.corrective_action = traces.redact(
            complaint.corrective_action, removed
        )
        complaint.client = None
        complaint.booking = None
        complaint.signup = None
        complaint.save()
        count += 1
    return count


def erase(user) -> list[str]:
    """Delete the client records and all that hangs on them; complaints stay
    anonymised. Records staff entered under one of the person's addresses go too.

    The log of a kept complaint stays without the link to the person. A staff
    member's counsellor profile stays, inactive and without the direct phone: the
    notes they wrote are the clients' data, not theirs.
    """
    traces = person_traces(user)
    clients = _clients(user)
    complaints = Complaint.objects.filter(
        _email_q("email", _addresses(user))
    ) | Complaint.objects.filter(client__in=clients)
    complaints = list(complaints.distinct())
    Event.objects.filter(complaint__in=complaints).update(
        client=None, booking=None, signup=None, detail={}
    )
    Event.objects.filter(complaint__in=complaints, actor=user).update(actor=None)
    kept = _anonymise_complaints(complaints, traces)
    for client in clients:
        client.delete()
    Counsellor.objects.filter(user=user).update(phone="", is_active=False)
    notes = []
    if kept:
        notes.append(
            _(
                "Your complaints about counselling services are kept without your "
                "name, address and text: the service, its date, the dates and the "
                "decision. The centre must show how it answered complaints."
            )
        )
    return notes


def expire(now, periods) -> dict:
    """Client records whose last service, complaint or entry is older than the
    period, with everything hanging on them; anonymised complaints and the log
    after the same period."""
    cutoff = add_months(now, -periods.counselling_record_months)
    cutoff_day = rules.local_date(cutoff)
    recent = Client.objects.filter(
        Q(created_at__gte=cutoff)
        | Q(pk__in=Booking.objects.filter(slot__ends_at__gte=cutoff).values("client"))
        | Q(
            pk__in=Signup.objects.filter(workshop__ends_at__gte=cutoff).values("client")
        )
        | Q(
            pk__in=Complaint.objects.filter(
                client__isnull=False, received_on__gte=cutoff_day
            ).values("client")
        )
    )
    expired = Client.objects.exclude(pk__in=recent.values("pk"))
    complaints = Complaint.objects.filter(
        Q(client__in=expired)
        | Q(client__isnull=True, received_on__lt=cutoff_day)
        & ~Q(status=Complaint.Status.OPEN)
    )
    complaints_deleted = complaints.delete()[1].get(Complaint._meta.label, 0)
    clients_deleted = expired.delete()[1].get(Client._meta.label, 0)
    log_deleted = Event.objects.filter(at__lt=cutoff, complaint__isnull=True).delete()[
        0
    ]
    return {
        "counselling_clients": clients_deleted,
        "counselling_complaints": complaints_deleted,
        "counselling_log": log_deleted,
    }


register(
    DataProvider(
        key="counselling",
        label="Poradnictwo zawodowe",
        models=(
            Client,
            Booking,
            Signup,
            MeetingLink,
            ChangeRequest,
            Note,
            Complaint,
            Event,
            Counsellor,
        ),
        export=export,
        erase=erase,
        expire=expire,
        labels=LABELS,
    )
)
