"""The coordinator's statistics screen in the Wagtail admin."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.accounts.models import User

from . import permissions, selectors
from .forms import StatisticsFilterForm


def statistics(request):
    if not permissions.can_view_statistics(request.user):
        raise PermissionDenied
    form = StatisticsFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else StatisticsFilterForm.DEFAULTS
    rows = selectors.programme_statistics(
        dimension=filters["dimension"] or "course",
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    dimension = filters["dimension"] or "course"
    labels = dict(StatisticsFilterForm.base_fields["dimension"].choices)
    for row in rows:
        row["label"] = _display(dimension, row["label"])
    if request.GET.get("format") == "csv":
        return _csv(rows, labels[dimension])
    return TemplateResponse(
        request,
        "courses/admin/statistics.html",
        {"form": form, "rows": rows, "dimension_label": labels[dimension]},
    )


def _display(dimension, value):
    if value is None:
        return _("(not given)")
    if dimension == "status":
        return User.Status(value).label if value in User.Status.values else value
    if dimension == "month":
        return value.strftime("%Y-%m")
    return value


def _csv(rows, dimension_label):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statystyki-programu.csv"'
    response.write("\ufeff")  # lets spreadsheet programs read the Polish letters
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            dimension_label,
            _("Enrolments"),
            _("Finished all lessons"),
            _("Passed tests"),
            _("Pass rate (%)"),
            _("Certificates"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                _spreadsheet_safe(row["label"]),
                row["enrolments"],
                row["completions"],
                row["passes"],
                "" if row["pass_rate"] is None else row["pass_rate"],
                row["certificates"],
            ]
        )
    return response


def _spreadsheet_safe(value):
    """Keep a name from being read as a formula by a spreadsheet program."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
