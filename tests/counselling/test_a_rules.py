"""The centre's deadlines as pure functions, in Warsaw calendar days."""

from datetime import date, timedelta

from counselling import rules
from tests.factories.counselling import at


def test_client_can_change_until_midnight_before_the_service_day():
    service = at(2026, 3, 11, 10)
    assert rules.can_change(service, at(2026, 3, 10, 23, 59))
    assert not rules.can_change(service, at(2026, 3, 11, 0, 0))


def test_the_day_before_counts_in_warsaw_time_not_utc():
    # 23:30 in Warsaw on the 10th is 22:30 UTC: still the day before.
    service = at(2026, 3, 11, 0, 30)
    assert rules.can_change(service, at(2026, 3, 10, 23, 30))
    assert rules.change_deadline(service) == at(2026, 3, 11, 0, 0)


def test_the_day_before_across_the_change_to_summer_time():
    service = at(2026, 3, 30, 9)  # Monday after the clocks went forward
    assert rules.can_change(service, at(2026, 3, 29, 23, 30))
    assert not rules.can_change(service, at(2026, 3, 30, 0, 1))


def test_interpreter_needs_three_working_days_across_christmas():
    visit = at(2026, 12, 28, 10)  # Monday; 24-26 December are holidays
    assert rules.interpreter_in_time(visit, at(2026, 12, 18, 12))  # 21, 22, 23
    assert rules.interpreter_in_time(visit, at(2026, 12, 20, 12))  # a Sunday
    assert not rules.interpreter_in_time(visit, at(2026, 12, 21, 9))  # 22, 23 only
    assert rules.interpreter_latest_request_day(visit) == date(2026, 12, 20)


def test_interpreter_on_an_ordinary_week():
    visit = at(2026, 6, 12, 10)  # Friday
    assert rules.interpreter_in_time(visit, at(2026, 6, 8, 16))  # Tue, Wed, Thu
    assert not rules.interpreter_in_time(visit, at(2026, 6, 9, 8))
    assert rules.interpreter_latest_request_day(visit) == date(2026, 6, 8)


def test_public_holidays_are_not_working_days():
    assert not rules.is_working_day(date(2026, 11, 11))
    assert not rules.is_working_day(date(2026, 12, 24))
    assert not rules.is_working_day(date(2026, 6, 13))  # Saturday
    assert rules.is_working_day(date(2026, 6, 12))


def test_offers_stop_one_day_plus_the_confirmation_time_before_the_start():
    start = at(2026, 5, 20, 10)
    assert rules.offers_open(start, start - timedelta(hours=49), 24)
    assert not rules.offers_open(start, start - timedelta(hours=48), 24)
    assert not rules.offers_open(start, start + timedelta(minutes=1), 24)
    assert rules.offer_expiry(start, 24) == start + timedelta(hours=24)


def test_complaint_within_five_days_and_answer_within_fourteen():
    ended = at(2026, 5, 20, 12)
    assert rules.complaint_on_time(ended, date(2026, 5, 25))
    assert not rules.complaint_on_time(ended, date(2026, 5, 26))
    assert not rules.complaint_on_time(ended, date(2026, 5, 19))
    assert rules.complaint_due(date(2026, 5, 25)) == date(2026, 6, 8)
