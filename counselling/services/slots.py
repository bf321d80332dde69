"""Counsellors' free times: a series at once, or one withdrawn."""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import rules
from ..models import Booking, Slot
from .errors import BookingError


def slots_create(
    *,
    counsellor,
    location,
    first_day: date,
    last_day: date,
    weekdays,
    times,
    minutes: int,
    actor=None,
    now=None,
) -> int:
    """Offer the same times on the chosen weekdays (0 = Monday) of a period.

    `location` None means remote. Public holidays, past times and starts the
    counsellor already offers are skipped; returns how many times were added.
    """
    now = now or timezone.now()
    if minutes <= 0 or last_day < first_day:
        raise BookingError(_("Check the period and the length of the meetings."))
    weekdays = {int(day) for day in weekdays}
    starts, day = [], first_day
    while day <= last_day:
        if day.weekday() in weekdays and rules.is_working_day(day):
            for moment in times:
                start = datetime.combine(day, moment, tzinfo=rules.WARSAW)
                if start > now:
                    starts.append(start)
        day += timedelta(days=1)
    with transaction.atomic():
        existing = set(
            Slot.objects.filter(
                counsellor=counsellor, starts_at__in=starts
            ).values_list("starts_at", flat=True)
        )
        new = [
            Slot(
                counsellor=counsellor,
                location=location,
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
            )
            for start in starts
            if start not in existing
        ]
        Slot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def slot_withdraw(*, slot: Slot, actor=None) -> Slot:
    with transaction.atomic():
        slot = Slot.objects.select_for_update().get(pk=slot.pk)
        if slot.bookings.filter(status=Booking.Status.BOOKED).exists():
            raise BookingError(
                _("This time is booked: cancel the meeting first, with a reason.")
            )
        slot.withdrawn = True
        slot.save(update_fields=["withdrawn"])
    return slot
