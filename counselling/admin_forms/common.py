"""What the staff forms share: labels of times and dates, and the inputs."""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, Channel

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
MARKS = [choice for choice in Attendance.choices if choice[0]]
STAFF_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]
REQUEST_MAX_AGE = timedelta(days=30)
MOVE_HELP = _("Change it with “Move”: everyone signed up is told.")
LOCKED_HELP = _(
    "Locked: people are signed up. The date changes with “Move”, which tells "
    "everyone signed up."
)


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def workshop_label(workshop) -> str:
    return f"{when(workshop.starts_at)} – {workshop.service.title}, {workshop.location}"


def slot_label(slot) -> str:
    place = slot.location or _("remote")
    return f"{when(slot.starts_at)} – {slot.counsellor}, {place}"


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input():
    return forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
    )
