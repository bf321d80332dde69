"""Complaints about a service ("zastrzeżenia", § 7 of the centre's rules).

A client files one online within 5 days of the end of the service; staff register
those that came by post, fax, e-mail or in person with the date received. Every
complaint is due 14 calendar days after receipt; more time needs a reason and a
notice; the decision is e-mailed and recorded as posted.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications, rules
from ..models import Booking, Complaint, Event, ServiceKind, Signup


class ComplaintError(Exception):
    """The complaint cannot be filed or changed this way; the message says why."""


def appointment_service(appointment) -> tuple[str, date, str]:
    """The service's name, date and place, as a complaint quotes them."""
    if isinstance(appointment, Signup):
        workshop = appointment.workshop
        place = workshop.location.name
        if workshop.room:
            place = f"{place}, {workshop.room}"
        return (
            workshop.service.title,
            rules.local_date(workshop.starts_at),
            place,
        )
    slot = appointment.slot
    if slot.location_id is None:
        return (
            str(ServiceKind.REMOTE.label),
            rules.local_date(slot.starts_at),
            _("remote meeting"),
        )
    return (
        str(ServiceKind.INDIVIDUAL.label),
        rules.local_date(slot.starts_at),
        slot.location.name,
    )


def _log(complaint, action, actor, **detail) -> None:
    Event.objects.create(
        action=action,
        actor=actor,
        complaint=complaint,
        client=complaint.client,
        booking=complaint.booking,
        signup=complaint.signup,
        detail=detail,
    )


@transaction.atomic
def complaint_file_online(
    *, appointment, full_name, address, justification, actor, now=None
) -> Complaint:
    """A client's complaint about their own booking or workshop place (§ 7(1))."""
    now = now or timezone.now()
    client = appointment.client
    if actor is None or client.user_id != actor.pk:
        raise ComplaintError(_("This service is not yours."))
    received_on = rules.local_date(now)
    if not rules.complaint_on_time(appointment.ends_at, received_on):
        raise ComplaintError(
            _(
                "A complaint can be filed online within 5 days of the end of the "
                "service. Please write to the centre or call it instead."
            )
        )
    service_name, service_date, service_place = appointment_service(appointment)
    complaint = Complaint.objects.create(
        client=client,
        booking=appointment if isinstance(appointment, Booking) else None,
        signup=appointment if isinstance(appointment, Signup) else None,
        full_name=full_name.strip(),
        address=address.strip(),
        email=client.contact_email,
        service_name=service_name,
        service_date=service_date,
        service_place=service_place,
        justification=justification.strip(),
        channel=Complaint.Channel.ONLINE,
        received_on=received_on,
        due_on=rules.complaint_due(received_on),
    )
    _log(complaint, Event.Action.COMPLAINT_FILED, actor, channel="online")
    notifications.complaint_notify(complaint, "filed")
    return complaint


def is_late(*, service_date: date, received_on: date) -> bool:
    return received_on > service_date + timedelta(days=rules.COMPLAINT_DAYS)


@transaction.atomic
def complaint_register(
    *,
    full_name,
    address,
    email,
    service_name,
    service_date,
    service_place,
    justification,
    channel,
    received_on,
    actor,
    client=None,
    appointment=None,
) -> Complaint:
    """Staff register a complaint that came by post, fax, e-mail or in person.

    `received_on` is the postmark or the day it came in; a complaint received after
    the 5 days is flagged late (it may be left unexamined, § 7(6)).
    """
    if appointment is not None:
        client = client or appointment.client
    complaint = Complaint.objects.create(
        client=client,
        booking=appointment if isinstance(appointment, Booking) else None,
        signup=appointment if isinstance(appointment, Signup) else None,
        full_name=full_name.strip(),
        address=address.strip(),
        email=(email or (client.contact_email if client else "")).strip(),
        service_name=service_name,
        service_date=service_date,
        service_place=service_place,
        justification=justification.strip(),
        channel=channel,
        received_on=received_on,
        is_late=is_late(service_date=service_date, received_on=received_on),
        due_on=rules.complaint_due(received_on),
        registered_by=actor,
    )
    _log(complaint, Event.Action.COMPLAINT_FILED, actor, channel=channel)
    notifications.complaint_notify(complaint, "filed")
    return complaint


def _lock(complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


@transaction.atomic
def complaint_extend(*, complaint, reason, new_due_on, actor, now=None) -> Complaint:
    """More time to answer, in a justified case (§ 7(4)); the client is told."""
    complaint = _lock(complaint)
    reason = (reason or "").strip()
    if not complaint.is_open:
        raise ComplaintError(_("The complaint has already been decided."))
    if not reason:
        raise ComplaintError(_("Give the reason for more time."))
    if new_due_on <= complaint.due_on:
        raise ComplaintError(_("The new date must be later than the current one."))
    previous = complaint.due_on
    complaint.due_on = new_due_on
    complaint.extension_reason = reason
    complaint.extended_at = now or timezone.now()
    complaint.save(update_fields=["due_on", "extension_reason", "extended_at"])
    _log(
        complaint,
        Event.Action.COMPLAINT_EXTENDED,
        actor,
        previous_due_on=previous.isoformat(),
        due_on=new_due_on.isoformat(),
    )
    notifications.complaint_notify(complaint, "extended")
    return complaint


@transaction.atomic
def complaint_decide(
    *,
    complaint,
    status,
    decision,
    corrective_action="",
    posted_on=None,
    actor,
    now=None,
) -> Complaint:
    """Record the decision; it is e-mailed when there is an address (§ 7(4-6))."""
    complaint = _lock(complaint)
    decision = (decision or "").strip()
    corrective_action = (corrective_action or "").strip()
    if not complaint.is_open:
        raise ComplaintError(_("The complaint has already been decided."))
    if status not in Complaint.Status.values or status == Complaint.Status.OPEN:
        raise ComplaintError(_("Choose the decision."))
    if not decision:
        raise ComplaintError(_("Write the decision and its justification."))
    if status == Complaint.Status.UPHELD and not corrective_action:
        raise ComplaintError(
            _("An upheld complaint needs the corrective action agreed with the client.")
        )
    # Not late: leaving it unexamined needs its ground (§ 7(6)) in `decision`,
    # which is required for every decision anyway.
    if status != Complaint.Status.UPHELD:
        corrective_action = ""
    now = now or timezone.now()
    complaint.status = status
    complaint.decision = decision
    complaint.corrective_action = corrective_action
    complaint.decided_at = now
    complaint.decided_by = actor
    complaint.decision_emailed_at = now if complaint.email else None
    complaint.decision_posted_on = posted_on
    complaint.save(
        update_fields=[
            "status",
            "decision",
            "corrective_action",
            "decided_at",
            "decided_by",
            "decision_emailed_at",
            "decision_posted_on",
        ]
    )
    _log(complaint, Event.Action.COMPLAINT_DECIDED, actor, status=status)
    notifications.complaint_notify(complaint, "decided")
    return complaint


@transaction.atomic
def complaint_mark_posted(*, complaint, posted_on, actor) -> Complaint:
    """The decision went out by post on this day (§ 7(4))."""
    complaint = _lock(complaint)
    if complaint.is_open:
        raise ComplaintError(_("Record the decision first."))
    complaint.decision_posted_on = posted_on
    complaint.save(update_fields=["decision_posted_on"])
    _log(
        complaint,
        Event.Action.COMPLAINT_DECIDED,
        actor,
        posted_on=posted_on.isoformat(),
    )
    return complaint
