"""The centre's statistics for the Kierownik CPZ: aggregates only, no names.

Individual sessions and workshop places are counted together, grouped by one
dimension: the service, the location, the month of the service, the client's
status or labour office. Each count is one GROUP BY query per kind of
appointment; clients whose processing is restricted are left out.
"""

from collections import defaultdict

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext as _

from portal.accounts.models import User

from . import rules
from .models import Attendance, Booking, ServiceKind, Signup

DIMENSIONS = ("service", "location", "month", "status", "office")
COUNTS = (
    "signups",
    "present",
    "excused",
    "absent",
    "absences",
    "cancelled_by_client",
    "cancelled_by_centre",
    "reserve",
)


def _dimension(dimension: str, prefix: str, *, booking: bool):
    """The expression a queryset of bookings or sign-ups is grouped by."""
    starts = f"{prefix}__starts_at"
    if dimension == "service":
        if booking:
            return Case(
                When(
                    slot__location__isnull=True,
                    then=Value(str(ServiceKind.REMOTE.label)),
                ),
                default=Value(str(ServiceKind.INDIVIDUAL.label)),
                output_field=CharField(),
            )
        return F("workshop__service__title")
    if dimension == "location":
        if booking:
            return Coalesce(
                F("slot__location__name"), Value(_("remote")), output_field=CharField()
            )
        return F("workshop__location__name")
    if dimension == "month":
        return TruncMonth(starts, tzinfo=rules.WARSAW)
    if dimension == "status":
        return F("client__user__status")
    return Coalesce(
        F("client__user__pup_office__name"),
        F("client__pup_office__name"),
        output_field=CharField(),
    )


def _grouped(queryset, dimension, prefix, *, booking: bool, date_from, date_to):
    starts = f"{prefix}__starts_at"
    queryset = queryset.exclude(client__user__processing_restricted=True)
    if date_from:
        queryset = queryset.filter(**{f"{starts}__date__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{starts}__date__lte": date_to})
    if booking:
        by_client = Q(status=Booking.Status.CANCELLED)
        by_centre = Q(status=Booking.Status.CANCELLED_BY_CENTRE)
        reserve = Q(pk__in=[])
    else:
        by_client = Q(status__in=[Signup.Status.LEFT, Signup.Status.OFFER_EXPIRED])
        by_centre = Q(status=Signup.Status.CANCELLED_BY_CENTRE)
        reserve = Q(status=Signup.Status.RESERVE)
    return (
        queryset.annotate(group=_dimension(dimension, prefix, booking=booking))
        .values("group")
        .annotate(
            signups=Count("pk"),
            present=Count("pk", filter=Q(attendance=Attendance.PRESENT)),
            excused=Count("pk", filter=Q(attendance=Attendance.EXCUSED)),
            absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)),
            cancelled_by_client=Count("pk", filter=by_client),
            cancelled_by_centre=Count("pk", filter=by_centre),
            reserve=Count("pk", filter=reserve),
        )
        .order_by()
    )


def _sort_key(label):
    return (label is None, label if label is not None else "")


def counselling_statistics(
    *, dimension: str = "service", date_from=None, date_to=None
) -> list[dict]:
    """One row per group: sign-ups, attendance, absences, cancellations (by the
    client, by the centre) and the reserve list's length. `date_from`/`date_to`
    bound the date of the service; the month is the month of the service."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension: {dimension}")
    totals = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    bounds = {"date_from": date_from, "date_to": date_to}
    for queryset, prefix, booking in (
        (Booking.objects.all(), "slot", True),
        (Signup.objects.all(), "workshop", False),
    ):
        rows = _grouped(queryset, dimension, prefix, booking=booking, **bounds)
        for row in rows:
            total = totals[row.pop("group")]
            for key, value in row.items():
                total[key] += value
    result = []
    for label in sorted(totals, key=_sort_key):
        row = totals[label]
        row["absences"] = row["excused"] + row["absent"]
        result.append({"label": label, **row})
    return result


def display_label(dimension: str, value) -> str:
    if value is None or value == "":
        return _("(not given)")
    if dimension == "status":
        return User.Status(value).label if value in User.Status.values else value
    if dimension == "month":
        return value.astimezone(rules.WARSAW).strftime("%Y-%m")
    return str(value)
