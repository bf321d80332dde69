"""The counselling centre's background jobs: reminders and expiring offers.

A reminder goes out once per start time, the day before (Warsaw calendar, from
8:00). The hourly sweep records the start it reminded of (`reminded_for`) and
queues one job per appointment through the outbox; the job carries the
appointment's `sequence`, so a booking moved or cancelled in between never gets
the old reminder.
"""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from portal.core import outbox
from portal.core.outbox import OutboxTask

from . import notifications, rules
from .models import Booking, Signup, Workshop
from .services import workshops

BOOKING, SIGNUP = "booking", "signup"
# Reminders leave from this hour of the day before, never in the night.
REMINDER_HOUR = 8


def _tomorrow(now):
    """The start and the end (exclusive) of tomorrow in Warsaw."""
    today = rules.local_date(now)
    return rules.end_of_day(today), rules.end_of_day(today + timedelta(days=1))


def _due_bookings(now):
    start, end = _tomorrow(now)
    return (
        Booking.objects.filter(
            status=Booking.Status.BOOKED,
            slot__starts_at__gte=start,
            slot__starts_at__lt=end,
        )
        .select_related("slot")
        .order_by("pk")
    )


def _due_signups(now):
    start, end = _tomorrow(now)
    return (
        Signup.objects.filter(
            status=Signup.Status.PARTICIPANT,
            workshop__status=Workshop.Status.SCHEDULED,
            workshop__starts_at__gte=start,
            workshop__starts_at__lt=end,
        )
        .select_related("workshop")
        .order_by("pk")
    )


def _claim(model, appointment) -> bool:
    """Record the start reminded of; False when a reminder for it is already
    queued (a second sweep, or two at once)."""
    start = appointment.starts_at
    claimed = (
        model.objects.filter(pk=appointment.pk, sequence=appointment.sequence)
        .exclude(reminded_for=start)
        .update(reminded_for=start)
    )
    return claimed == 1


def reminders_send(*, now=None) -> int:
    """Queue a reminder for every live appointment starting tomorrow, once."""
    now = now or timezone.now()
    if now.astimezone(rules.WARSAW).hour < REMINDER_HOUR:
        return 0
    queued = 0
    for kind, model, due in (
        (BOOKING, Booking, _due_bookings(now)),
        (SIGNUP, Signup, _due_signups(now)),
    ):
        for appointment in due:
            if appointment.reminded_for == appointment.starts_at:
                continue
            with transaction.atomic():
                if _claim(model, appointment):
                    outbox.enqueue(
                        appointment_remind_task,
                        kind,
                        appointment.pk,
                        appointment.sequence,
                    )
                    queued += 1
    return queued


def appointment_remind(kind: str, pk: int, sequence: int) -> bool:
    """Send one reminder if the appointment is still live and unchanged."""
    if kind == BOOKING:
        booking = (
            Booking.objects.select_related(
                "client__user", "slot__location", "slot__counsellor__user"
            )
            .filter(pk=pk, sequence=sequence, status=Booking.Status.BOOKED)
            .first()
        )
        if booking is None:
            return False
        notifications.booking_notify(booking, "reminder")
        return True
    signup = (
        Signup.objects.select_related(
            "client__user",
            "workshop__service",
            "workshop__location",
            "workshop__leader__user",
        )
        .filter(
            pk=pk,
            sequence=sequence,
            status=Signup.Status.PARTICIPANT,
            workshop__status=Workshop.Status.SCHEDULED,
        )
        .first()
    )
    if signup is None:
        return False
    notifications.signup_notify(signup, "reminder")
    return True


@shared_task
def reminders_send_task():
    """Hourly (beat): queue the reminders of tomorrow's appointments."""
    return reminders_send()


@shared_task(base=OutboxTask, autoretry_for=(OSError,), retry_backoff=30, max_retries=8)
def appointment_remind_task(kind, pk, sequence):
    """Remind of one appointment; a changed or cancelled one is skipped."""
    return appointment_remind(kind, pk, sequence)


@shared_task
def offers_expire_task():
    """Every few minutes (beat): pass unconfirmed workshop offers to the next person."""
    return workshops.offers_expire()
