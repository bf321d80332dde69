"""Reminders: once, the day before in Warsaw, never for a changed appointment."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core import mail

from counselling import tasks
from counselling.models import Booking, Signup, Workshop
from counselling.tasks import (
    appointment_remind,
    offers_expire_task,
    reminders_send,
    reminders_send_task,
)
from portal.core.models import OutboxMessage
from tests.counselling.a2_support import (
    booking,
    calendar_of,
    sent_fixture,  # noqa: F401
    signup,
)
from tests.factories.counselling import SignupFactory, SlotFactory, at

pytestmark = pytest.mark.django_db

# Monday 1 June 2026, 10:00 in Warsaw (08:00 UTC).
NOW = at(2026, 6, 1, 10)


def booked_at(starts_at, **kwargs):
    appointment = booking(**kwargs)
    Booking.objects.filter(pk=appointment.pk).update(
        slot=SlotFactory(
            counsellor=appointment.slot.counsellor,
            location=appointment.slot.location,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
        )
    )
    appointment.refresh_from_db()
    return appointment


def reminder_jobs():
    return OutboxMessage.objects.filter(task=tasks.appointment_remind_task.name)


def test_a_booking_tomorrow_is_reminded_once(sent):
    appointment = booked_at(at(2026, 6, 2, 9))

    messages = sent(reminders_send, now=NOW)
    again = sent(reminders_send, now=NOW + timedelta(hours=1))

    (message,) = messages
    assert again == []
    assert message.to == [appointment.client.contact_email]
    assert "Przypomnienie" in message.subject
    assert calendar_of(message)[1] == "text/calendar; method=REQUEST"
    appointment.refresh_from_db()
    assert appointment.reminded_for == appointment.slot.starts_at
    assert reminder_jobs().count() == 1


def test_tomorrow_is_the_warsaw_calendar_day():
    just_after_midnight = booked_at(at(2026, 6, 2, 0, 30))  # 1 June 22:30 UTC
    late_tomorrow = booked_at(at(2026, 6, 2, 23, 30))  # 2 June 21:30 UTC
    today = booked_at(at(2026, 6, 1, 23, 45))
    day_after = booked_at(at(2026, 6, 3, 0, 10))

    queued = reminders_send(now=at(2026, 6, 1, 23, 30))

    assert queued == 2
    assert sorted(job.args[1] for job in reminder_jobs()) == sorted(
        [just_after_midnight.pk, late_tomorrow.pk]
    )
    for untouched in (today, day_after):
        untouched.refresh_from_db()
        assert untouched.reminded_for is None


def test_no_reminders_leave_in_the_night():
    booked_at(at(2026, 6, 2, 9))

    assert reminders_send(now=at(2026, 6, 1, 3)) == 0
    assert reminders_send(now=at(2026, 6, 1, 8)) == 1


def test_a_cancelled_booking_gets_no_reminder(sent):
    appointment = booked_at(at(2026, 6, 2, 9))
    Booking.objects.filter(pk=appointment.pk).update(status=Booking.Status.CANCELLED)

    assert sent(reminders_send, now=NOW) == []
    assert not reminder_jobs().exists()


def test_a_booking_moved_after_its_reminder_was_queued_never_gets_the_old_one(sent):
    appointment = booked_at(at(2026, 6, 2, 9))
    with patch("counselling.tasks.outbox.enqueue") as enqueue:
        reminders_send(now=NOW)
    (job_args,) = [call.args[1:] for call in enqueue.call_args_list]
    Booking.objects.filter(pk=appointment.pk).update(sequence=1, reminded_for=None)

    assert sent(appointment_remind, *job_args) == []
    assert not appointment_remind(*job_args)


def test_a_moved_booking_is_reminded_of_its_new_time(sent):
    appointment = booked_at(at(2026, 6, 2, 9))
    sent(reminders_send, now=NOW)
    moved = SlotFactory(
        counsellor=appointment.slot.counsellor,
        location=appointment.slot.location,
        starts_at=at(2026, 6, 2, 13),
        ends_at=at(2026, 6, 2, 14),
    )
    Booking.objects.filter(pk=appointment.pk).update(
        slot=moved, sequence=1, reminded_for=None
    )

    (message,) = sent(reminders_send, now=NOW + timedelta(hours=1))

    assert "13:00" in message.body
    assert calendar_of(message)[0].walk("VEVENT")[0]["SEQUENCE"] == 1


def test_workshop_participants_are_reminded_and_the_reserve_list_is_not(sent):
    place = signup(days=1)
    Workshop.objects.filter(pk=place.workshop_id).update(
        starts_at=at(2026, 6, 2, 9), ends_at=at(2026, 6, 2, 12)
    )
    SignupFactory(workshop=place.workshop, status=Signup.Status.RESERVE)
    SignupFactory(workshop=place.workshop, status=Signup.Status.OFFERED)

    (message,) = sent(reminders_send, now=NOW)

    assert message.to == [place.client.contact_email]
    assert "warsztat" in message.subject


def test_a_cancelled_workshop_sends_no_reminder():
    place = signup()
    Workshop.objects.filter(pk=place.workshop_id).update(
        starts_at=at(2026, 6, 2, 9),
        ends_at=at(2026, 6, 2, 12),
        status=Workshop.Status.CANCELLED,
    )

    assert reminders_send(now=NOW) == 0
    assert not appointment_remind("signup", place.pk, place.sequence)


def test_the_beat_tasks_run_the_sweep_and_the_offer_expiry(monkeypatch):
    calls = []
    monkeypatch.setattr(
        tasks.workshops, "offers_expire", lambda **kw: calls.append(kw) or 3
    )

    assert offers_expire_task() == 3 and calls == [{}]
    assert reminders_send_task() == 0
    assert not mail.outbox


def test_beat_runs_the_counselling_tasks(settings):
    from portal.celery import app  # deferred: the Celery app loads every task

    for entry in ("cpz-remind", "cpz-offers"):
        assert settings.CELERY_BEAT_SCHEDULE[entry]["task"] in app.tasks
