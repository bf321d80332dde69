"""The Kierownik CPZ's statistics screen: an HTML table and its CSV download."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .statistics import counselling_statistics, display_label


class StatisticsFilterForm(forms.Form):
    DEFAULTS = {"dimension": "service", "date_from": None, "date_to": None}

    dimension = forms.ChoiceField(
        label=gettext_lazy("Group by"),
        choices=[
            ("service", gettext_lazy("Service")),
            ("location", gettext_lazy("Location")),
            ("month", gettext_lazy("Month of the service")),
            ("status", gettext_lazy("Status")),
            ("office", gettext_lazy("Labour office")),
        ],
        required=False,
    )
    date_from = forms.DateField(
        label=gettext_lazy("Services from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Services until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def columns() -> list[tuple[str, str]]:
    return [
        ("signups", _("Sign-ups")),
        ("present", _("Present")),
        ("excused", _("Excused absences")),
        ("absent", _("Absent")),
        ("absences", _("All absences")),
        ("cancelled_by_client", _("Cancelled by the client")),
        ("cancelled_by_centre", _("Cancelled by the centre")),
        ("reserve", _("On the reserve list")),
    ]


def statistics_index(request):
    if not permissions.is_centre_manager(request.user):
        raise PermissionDenied
    form = StatisticsFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else StatisticsFilterForm.DEFAULTS
    dimension = filters["dimension"] or "service"
    rows = counselling_statistics(
        dimension=dimension,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    for row in rows:
        row["label"] = display_label(dimension, row["label"])
    dimension_label = dict(StatisticsFilterForm.base_fields["dimension"].choices)[
        dimension
    ]
    cols = columns()
    if request.GET.get("format") == "csv":
        return _csv(rows, dimension_label, cols)
    table = [(row["label"], [row[key] for key, _label in cols]) for row in rows]
    return TemplateResponse(
        request,
        "counselling/admin/statistics.html",
        {
            "form": form,
            "table": table,
            "headers": [label for _key, label in cols],
            "dimension_label": dimension_label,
        },
    )


def _csv(rows, dimension_label, cols):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        'attachment; filename="statystyki-poradnictwa.csv"'
    )
    response.write("\ufeff")  # lets spreadsheet programs read the Polish letters
    writer = csv.writer(response, delimiter=";")
    writer.writerow([dimension_label, *(label for _key, label in cols)])
    for row in rows:
        writer.writerow(
            [_spreadsheet_safe(row["label"]), *(row[key] for key, _label in cols)]
        )
    return response


def _spreadsheet_safe(value):
    """Keep a label from being read as a formula by a spreadsheet program."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def admin_urls():
    return [
        path(
            "poradnictwo/statystyki/",
            statistics_index,
            name="counselling_statistics_index",
        )
    ]
