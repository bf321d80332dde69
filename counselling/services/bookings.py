"""Individual and remote counselling: free times, bookings, moves, cancellations.

A slot is booked at most once: the booking locks the slot's row before it looks,
and a partial unique index refuses a second live booking whatever happens.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import notifications, permissions, rules
from ..models import Attendance, Booking, Channel, Client, Event, Signup, Slot
from .errors import BookingError, SlotTaken
from .events import event_log
from .slots import slot_withdraw, slots_create  # noqa: F401 (re-exported)

MAX_LIVE_BOOKINGS = 2
NEW_TIMES_OFFERED = 5


def entered_by(actor, client):
    """Staff who entered a request on the person's behalf; None for their own."""
    if actor is None or (client.user_id and actor.pk == client.user_id):
        return None
    return actor


def too_late_error(counsellor, starts_at) -> BookingError:
    contact = ", ".join(
        part for part in (str(counsellor), counsellor.phone, counsellor.email) if part
    )
    return BookingError(
        _(
            "Changes online are possible until the end of the day before (%(day)s). "
            "To change or cancel now, please contact %(contact)s."
        )
        % {
            "day": date_format(rules.local_date(starts_at) - timedelta(days=1)),
            "contact": contact,
        }
    )


def _interpreter_check(interpreter, starts_at, now):
    if interpreter and not rules.interpreter_in_time(starts_at, now):
        last_day = rules.interpreter_latest_request_day(starts_at)
        raise BookingError(
            _(
                "A sign-language interpreter must be requested at least 3 working "
                "days before the meeting; for this time the last day was %(day)s. "
                "Choose a later time or book without an interpreter."
            )
            % {"day": date_format(last_day)}
        )


def _slot_usable(slot, now):
    if slot.withdrawn:
        raise BookingError(_("This time is no longer offered."))
    if slot.starts_at <= now:
        raise BookingError(_("This time has already passed."))
    if slot.bookings.filter(status=Booking.Status.BOOKED).exists():
        raise SlotTaken()


def booking_create(
    *,
    client: Client,
    slot: Slot,
    actor=None,
    channel=Channel.ONLINE,
    requested_at: datetime | None = None,
    phone: str = "",
    remote_rules_accepted: bool = False,
    interpreter: str = "",
    other_needs: str = "",
    topic: str = "",
    now: datetime | None = None,
) -> Booking:
    now = now or timezone.now()
    phone = phone.strip()
    try:
        with transaction.atomic():
            slot = Slot.objects.select_for_update().get(pk=slot.pk)
            client = Client.objects.select_for_update().get(pk=client.pk)
            _slot_usable(slot, now)
            if slot.is_remote and not (phone and remote_rules_accepted):
                raise BookingError(
                    _(
                        "For a remote meeting, give a phone number for when the "
                        "connection drops and accept the rules of remote meetings."
                    )
                )
            current = client.counsellor if client.counsellor_id else None
            if current and current.is_active and current.pk != slot.counsellor_id:
                raise BookingError(
                    _(
                        "You work with one counsellor, %(name)s: choose one of their "
                        "times, or ask for a change of counsellor."
                    )
                    % {"name": current}
                )
            _interpreter_check(interpreter, slot.starts_at, now)
            live = Booking.objects.filter(
                client=client,
                status=Booking.Status.BOOKED,
                slot__starts_at__gt=now,
            ).count()
            if live >= MAX_LIVE_BOOKINGS:
                raise BookingError(
                    _(
                        "You can hold at most %(count)d booked meetings at a time. "
                        "Cancel one or wait until it has taken place."
                    )
                    % {"count": MAX_LIVE_BOOKINGS}
                )
            assigned = client.counsellor_id != slot.counsellor_id
            if assigned:
                client.counsellor_id = slot.counsellor_id
                client.save(update_fields=["counsellor"])
            with transaction.atomic():
                booking = Booking.objects.create(
                    client=client,
                    slot=slot,
                    requested_at=requested_at or now,
                    channel=channel,
                    entered_by=entered_by(actor, client),
                    phone=phone,
                    remote_rules_accepted_at=now if remote_rules_accepted else None,
                    interpreter=interpreter,
                    other_needs=other_needs,
                    topic=topic,
                )
            event_log(
                Event.Action.BOOKED,
                actor=actor,
                booking=booking,
                starts_at=slot.starts_at,
                channel=channel,
                requested_at=booking.requested_at,
                counsellor_assigned=assigned,
            )
            notifications.booking_notify(booking, "booked")
    except IntegrityError as error:
        raise SlotTaken() from error
    return booking


def _live_locked(booking) -> Booking:
    booking = (
        Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    )
    if not booking.is_live:
        raise BookingError(_("This meeting has already been cancelled."))
    return booking


def booking_move(*, booking: Booking, slot: Slot, actor=None, now=None) -> Booking:
    now = now or timezone.now()
    try:
        with transaction.atomic():
            pair = [booking.slot_id, slot.pk]
            list(Slot.objects.select_for_update().filter(pk__in=pair).order_by("pk"))
            booking = _live_locked(booking)
            old = booking.slot
            slot = Slot.objects.select_related("counsellor__user").get(pk=slot.pk)
            if not rules.can_change(old.starts_at, now):
                raise too_late_error(old.counsellor, old.starts_at)
            if slot.pk == old.pk:
                raise BookingError(_("Choose a different time."))
            _slot_usable(slot, now)
            if slot.counsellor_id != old.counsellor_id and not (
                actor and permissions.is_centre_manager(actor)
            ):
                raise BookingError(_("Choose one of your counsellor's times."))
            if slot.is_remote and not (
                booking.phone and booking.remote_rules_accepted_at
            ):
                raise BookingError(
                    _(
                        "A remote meeting needs a phone number and the accepted rules: "
                        "cancel this booking and book the remote time."
                    )
                )
            _interpreter_check(booking.interpreter, slot.starts_at, now)
            booking.slot = slot
            booking.sequence += 1
            booking.reminded_for = None
            with transaction.atomic():
                booking.save(
                    update_fields=["slot", "sequence", "reminded_for", "updated_at"]
                )
            event_log(
                Event.Action.MOVED,
                actor=actor,
                booking=booking,
                previous_starts_at=old.starts_at,
                starts_at=slot.starts_at,
                previous_slot=old.pk,
                slot=slot.pk,
            )
            notifications.booking_notify(booking, "moved", previous_slot=old)
    except IntegrityError as error:
        raise SlotTaken() from error
    return booking


def _cancel(booking, status, now, fields=()):
    booking.status = status
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(
        update_fields=["status", "cancelled_at", "sequence", "updated_at", *fields]
    )


def booking_cancel(*, booking: Booking, actor=None, now=None) -> Booking:
    now = now or timezone.now()
    with transaction.atomic():
        booking = _live_locked(booking)
        if not rules.can_change(booking.slot.starts_at, now):
            raise too_late_error(booking.slot.counsellor, booking.slot.starts_at)
        _cancel(booking, Booking.Status.CANCELLED, now)
        event_log(
            Event.Action.CANCELLED,
            actor=actor,
            booking=booking,
            starts_at=booking.slot.starts_at,
        )
        notifications.booking_notify(booking, "cancelled")
    return booking


def free_slots(*, counsellor, remote: bool, now, exclude=(), limit=None):
    """Future free times of one counsellor, remote or at a location."""
    taken = Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)
    slots = (
        Slot.objects.filter(
            counsellor=counsellor,
            location__isnull=remote,
            withdrawn=False,
            starts_at__gt=now,
        )
        .exclude(pk__in=exclude)
        .exclude(Exists(taken))
        .select_related("location")
        .order_by("starts_at", "pk")
    )
    return list(slots[:limit] if limit else slots)


def booking_cancel_by_centre(
    *, booking: Booking, reason: str, actor, now=None
) -> Booking:
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Give the reason for cancelling."))
    with transaction.atomic():
        booking = _live_locked(booking)
        slot = booking.slot
        if not rules.can_change(slot.starts_at, now):
            raise BookingError(
                _("The centre can cancel a meeting only until the day before.")
            )
        booking.cancel_reason = reason
        _cancel(booking, Booking.Status.CANCELLED_BY_CENTRE, now, ["cancel_reason"])
        new_times = free_slots(
            counsellor=slot.counsellor,
            remote=slot.is_remote,
            now=now,
            exclude=[slot.pk],
            limit=NEW_TIMES_OFFERED,
        )
        event_log(
            Event.Action.CANCELLED_BY_CENTRE,
            actor=actor,
            booking=booking,
            reason=reason,
            starts_at=slot.starts_at,
            new_times=[new.pk for new in new_times],
        )
        notifications.booking_notify(
            booking, "cancelled_by_centre", new_times=new_times
        )
    return booking


def attendance_mark(*, appointment, value: str, actor, now=None):
    """Present, excused or absent: for a booking or a workshop participant."""
    now = now or timezone.now()
    if value not in Attendance.values:
        raise BookingError(_("Choose present, excused or absent."))
    model = type(appointment)
    with transaction.atomic():
        appointment = model.objects.select_for_update().get(pk=appointment.pk)
        if isinstance(appointment, Booking):
            holds = appointment.is_live
        else:
            holds = appointment.status == Signup.Status.PARTICIPANT
        if not holds:
            raise BookingError(_("Attendance is marked only for booked participants."))
        if appointment.starts_at > now:
            raise BookingError(_("Attendance can be marked once the service starts."))
        appointment.attendance = value
        appointment.save(update_fields=["attendance", "updated_at"])
        link = "booking" if isinstance(appointment, Booking) else "signup"
        event_log(
            Event.Action.ATTENDANCE, actor=actor, value=value, **{link: appointment}
        )
    return appointment
