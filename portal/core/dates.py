"""Calendar arithmetic that legal deadlines need."""

import calendar


def add_months(moment, months: int):
    """The same day and time `months` later, or the month's last day if shorter."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
