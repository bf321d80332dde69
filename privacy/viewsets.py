"""The data-protection officer's part of the admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import MultipleUserFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.listings import ListingViewSet, local_time
from portal.core.models import AuditEntry

from . import admin_views
from .models import CookieDeclaration, DataRequest
from .selectors import DUE_SOON


class CookieDeclarationViewSet(ModelViewSet):
    model = CookieDeclaration
    icon = "list-ul"
    menu_label = _("Cookie declaration")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["name", "provider", "category", "duration", "first_party"]
    list_filter = ["category", "first_party"]
    search_fields = ["name", "provider", "purpose"]


# Data-subject requests --------------------------------------------------------------

REQUEST_STATUSES = {
    "open": DataRequest.OPEN,
    "closed": (DataRequest.Status.COMPLETED, DataRequest.Status.REJECTED),
    "unconfirmed": (DataRequest.Status.AWAITING_CONFIRMATION,),
}


class DataRequestFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label=_("Status"),
        choices=[
            ("open", _("Open")),
            ("closed", _("Closed")),
            ("unconfirmed", _("Awaiting e-mail confirmation")),
        ],
        empty_label=None,
        initial="open",
        method="filter_status",
        widget=forms.RadioSelect,
    )
    due = ChoiceFilter(
        label=_("Answer due"),
        choices=[("soon", _("Due within 5 days or overdue"))],
        empty_label=_("All"),
        method="filter_due",
        widget=forms.RadioSelect,
    )
    kind = ChoiceFilter(
        label=_("Type"),
        choices=DataRequest.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DataRequest
        fields = ["status", "due", "kind"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("status") not in REQUEST_STATUSES:
            # Open requests are what the officer works on: shown unless asked otherwise.
            data = data.copy()
            data["status"] = "open"
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status__in=REQUEST_STATUSES[value])

    def filter_due(self, queryset, name, value):
        return queryset.filter(due_at__lte=timezone.now() + DUE_SOON)


def answer_due(data_request):
    due = local_time(data_request.due_at, "Y-m-d")
    if data_request.is_open and due and data_request.due_at < timezone.now():
        return format_html("{} <strong>{}</strong>", due, _("overdue"))
    return due


class DataRequestIndexView(IndexView):
    page_title = _("Data-subject requests")
    no_results_message = _("No requests here.")


class DataRequestViewSet(ListingViewSet):
    model = DataRequest
    name = "data_requests"
    url_prefix = "wnioski-rodo"
    icon = "mail"
    menu_label = _("Data-subject requests")
    index_view_class = DataRequestIndexView
    filterset_class = DataRequestFilterSet
    ordering = ["due_at", "created_at"]
    list_per_page = 30
    list_display = [
        TitleColumn(
            "kind",
            label=_("Type"),
            accessor="get_kind_display",
            url_name="data_requests:detail",
        ),
        Column("requester_name", label=_("Person")),
        Column(
            "received_at",
            label=_("Received"),
            accessor=lambda data_request: local_time(data_request.received_at, "Y-m-d"),
        ),
        Column("due_at", label=_("Answer due"), accessor=answer_due),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            # The list's name from before it was a viewset; one request's screens.
            path("", self.index_view, name="list"),
            path("<int:pk>/", admin_views.request_detail, name="detail"),
            path("<int:pk>/<str:action>/", admin_views.request_action, name="action"),
        ]


# The audit log ----------------------------------------------------------------------


def audit_actors(request):
    return (
        get_user_model()
        .objects.filter(pk__in=AuditEntry.objects.values("actor"))
        .order_by("last_name", "first_name", "email")
    )


class AuditEntryFilterSet(WagtailFilterSet):
    action = ChoiceFilter(
        label=_("Action"),
        choices=AuditEntry.Action.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    actor = MultipleUserFilter(
        label=_("Who"), queryset=audit_actors, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "actor"]


def audited_object(entry):
    text = f"{entry.object_type} #{entry.object_id}"
    return f"{text} – {entry.description}" if entry.description else text


class AuditLogIndexView(IndexView):
    page_title = _("Audit log")
    template_name = "privacy/admin/audit_log.html"
    no_results_message = _("Nothing yet.")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("actor")


class AuditLogViewSet(ListingViewSet):
    model = AuditEntry
    name = "audit_log"
    url_prefix = "dziennik-audytu"
    icon = "history"
    menu_label = _("Audit log")
    index_view_class = AuditLogIndexView
    filterset_class = AuditEntryFilterSet
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        Column(
            "created_at",
            label=_("When"),
            accessor=lambda entry: local_time(entry.created_at, "Y-m-d H:i:s"),
        ),
        Column("actor", label=_("Who")),
        Column("action", label=_("Action"), accessor="get_action_display"),
        Column("object", label=_("Object"), accessor=audited_object),
        Column(
            "ip_address",
            label=_("IP address"),
            accessor=lambda entry: entry.ip_address or "–",
        ),
    ]


audit_log = AuditLogViewSet()


class DataProtectionViewSetGroup(ViewSetGroup):
    """The data-protection officer's part of the admin."""

    menu_label = _("Data protection")
    menu_icon = "lock"
    menu_order = 350
    submenu_hook = "register_data_protection_menu_item"
    items = (
        DataRequestViewSet(),
        CookieDeclarationViewSet("cookie_declaration"),
        audit_log,
    )
