"""The centre's rules as pure functions: deadlines, windows and the queue's limits.

Times are aware datetimes; calendar days are those of Europe/Warsaw, where the
centre works. Nothing here reads the database.

- the client moves or cancels, and the centre moves or cancels, "up to one day
  before" (§ 5(1), § 6(1)): until the end of the day before the service;
- a complaint within 5 days of the end of the service (§ 7(1)), answered within
  14 calendar days of receipt (§ 7(4));
- a sign-language interpreter is asked for at least 3 working days before the
  visit (ustawa o języku migowym, art. 12); Saturdays, Sundays and Polish public
  holidays do not count;
- a freed workshop place is offered while the workshop is further away than one
  day plus the time to confirm; nobody is promoted after it starts.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

WARSAW = ZoneInfo("Europe/Warsaw")
COMPLAINT_DAYS = 5
COMPLAINT_ANSWER_DAYS = 14
INTERPRETER_WORKING_DAYS = 3


def local_date(moment: datetime) -> date:
    return moment.astimezone(WARSAW).date()


def end_of_day(day: date) -> datetime:
    """The last moment of a Warsaw calendar day (the first of the next, exclusive)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=WARSAW)


def change_deadline(starts_at: datetime) -> datetime:
    """Changes are allowed before this moment: the end of the day before the service."""
    return end_of_day(local_date(starts_at) - timedelta(days=1))


def can_change(starts_at: datetime, now: datetime) -> bool:
    """Whether the client (§ 6(1)) or the centre (§ 5(1)) may still move or cancel."""
    return now < change_deadline(starts_at)


def complaint_deadline(ends_at: datetime) -> date:
    """The last day a complaint about a service that ended at `ends_at` is on time."""
    return local_date(ends_at) + timedelta(days=COMPLAINT_DAYS)


def complaint_on_time(ends_at: datetime, received_on: date) -> bool:
    return local_date(ends_at) <= received_on <= complaint_deadline(ends_at)


def complaint_due(received_on: date) -> date:
    return received_on + timedelta(days=COMPLAINT_ANSWER_DAYS)


def _polish_holidays(*years):
    return holidays.Poland(years=years)


def is_working_day(day: date, public_holidays=None) -> bool:
    public_holidays = public_holidays or _polish_holidays(day.year)
    return day.weekday() < 5 and day not in public_holidays


def working_days_between(first: date, last: date) -> int:
    """Working days after `first` up to and including `last` (0 if last <= first)."""
    if last <= first:
        return 0
    public_holidays = _polish_holidays(*range(first.year, last.year + 1))
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        if is_working_day(day, public_holidays):
            count += 1
    return count


def interpreter_in_time(starts_at: datetime, now: datetime) -> bool:
    """At least 3 working days between the request and the visit's day."""
    visit = local_date(starts_at)
    return working_days_between(local_date(now), visit - timedelta(days=1)) >= (
        INTERPRETER_WORKING_DAYS
    )


def interpreter_latest_request_day(starts_at: datetime) -> date:
    """The last day on which an interpreter can still be asked for this visit."""
    visit = local_date(starts_at)
    public_holidays = _polish_holidays(visit.year - 1, visit.year)
    day, counted = visit, 0
    while counted < INTERPRETER_WORKING_DAYS:
        day -= timedelta(days=1)
        if is_working_day(day, public_holidays):
            counted += 1
    return day - timedelta(days=1)


def offers_open(starts_at: datetime, now: datetime, offer_hours: int) -> bool:
    """A freed place goes to the reserve list by e-mail only while there is time to
    confirm and a day to spare; after that the manager phones people."""
    return now + timedelta(days=1, hours=offer_hours) < starts_at


def offer_expiry(now: datetime, offer_hours: int) -> datetime:
    return now + timedelta(hours=offer_hours)
