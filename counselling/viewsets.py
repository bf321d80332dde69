"""The "Poradnictwo" menu of the admin: each role sees its own items.

- a counsellor: "Moje terminy" and "Moje spotkania" (only their own);
- the Kierownik CPZ: workshop dates, sign-ups on a client's behalf, all sessions,
  requests to change the counsellor, counsellors, complaints and statistics;
- the Kierownik CPZ and the Redaktor: locations.
"""

from django.db.models import Count, Q
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.listings import local_time

from . import permissions
from .admin_forms import CounsellorForm, WorkshopForm
from .admin_views import centre, clients, counsellor, onbehalf, workshops
from .models import Counsellor, Location, Signup, Workshop
from .services.workshops import place_freed


class RoleMenuItem(MenuItem):
    """A menu item shown to those the viewset's `allowed` predicate lets in."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


class RoleViewSet(ViewSet):
    """Screens of one role; `allowed` is a predicate of `permissions.py`."""

    allowed = staticmethod(permissions.is_centre_manager)
    urls = ()

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
            allowed=self.allowed,
        )

    def get_urlpatterns(self):
        return [path(route, view, name=name) for route, view, name in self.urls]


class MySlotsViewSet(RoleViewSet):
    name = "counselling_slots"
    url_prefix = "poradnictwo/moje-terminy"
    icon = "date"
    menu_label = _("My free times")
    allowed = staticmethod(permissions.is_counsellor)
    urls = (
        ("", counsellor.my_slots, "index"),
        ("<int:pk>/wycofaj/", counsellor.slot_withdraw, "withdraw"),
    )


class MySessionsViewSet(RoleViewSet):
    name = "counselling_my_sessions"
    url_prefix = "poradnictwo/moje-spotkania"
    icon = "group"
    menu_label = _("My sessions")
    allowed = staticmethod(permissions.is_counsellor)
    urls = (
        ("", counsellor.my_sessions, "index"),
        ("spotkanie/<int:pk>/obecnosc/", counsellor.booking_attendance, "attendance"),
        (
            "uczestnik/<int:pk>/obecnosc/",
            counsellor.signup_attendance,
            "signup_attendance",
        ),
        ("klient/<int:pk>/", clients.client_detail, "client"),
        ("klient/<int:pk>/notatka/", clients.client_note, "client_note"),
        ("klient/<int:pk>/link/", clients.client_link, "client_link"),
        ("klient/<int:pk>/doradca/", clients.client_assign, "client_assign"),
    )


class OnBehalfViewSet(RoleViewSet):
    name = "counselling_onbehalf"
    url_prefix = "poradnictwo/zapis"
    icon = "user"
    menu_label = _("Sign up on a client's behalf")
    urls = (("", onbehalf.on_behalf, "index"),)


class SessionsViewSet(RoleViewSet):
    name = "counselling_sessions"
    url_prefix = "poradnictwo/spotkania"
    icon = "list-ul"
    menu_label = _("All sessions")
    urls = (
        ("", centre.sessions, "index"),
        ("<int:pk>/", centre.session_detail, "detail"),
        ("<int:pk>/odwolaj/", centre.session_cancel, "cancel"),
        ("<int:pk>/przenies/", centre.session_move, "move"),
    )


class ChangeRequestsViewSet(RoleViewSet):
    name = "counselling_changes"
    url_prefix = "poradnictwo/zmiana-doradcy"
    icon = "resubmit"
    menu_label = _("Requests to change the counsellor")
    urls = (
        ("", centre.change_requests, "index"),
        ("<int:pk>/", centre.change_request_decide, "decide"),
    )


class LinkViewSet(RoleViewSet):
    """A menu item for screens whose URLs another module registers."""

    url_name = ""

    @property
    def menu_url(self):
        return reverse_lazy(self.url_name)

    def get_urlpatterns(self):
        return []


class ComplaintsMenu(LinkViewSet):
    name = "counselling_complaints_menu"
    icon = "warning"
    menu_label = _("Complaints")
    url_name = "counselling_complaints_index"


class StatisticsMenu(LinkViewSet):
    name = "counselling_statistics_menu"
    icon = "table"
    menu_label = _("Counselling statistics")
    url_name = "counselling_statistics_index"


# Models -----------------------------------------------------------------------------


class LocationViewSet(ModelViewSet):
    model = Location
    name = menu_name = "counselling_locations"
    url_prefix = "poradnictwo/miejsca"
    icon = "site"
    menu_label = _("Locations")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["name", "city", "address", "phone", "is_active"]
    search_fields = ["name", "city", "address"]


class CounsellorViewSet(ModelViewSet):
    model = Counsellor
    name = menu_name = "counselling_counsellors"
    url_prefix = "poradnictwo/doradcy"
    icon = "user"
    menu_label = _("Counsellors")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        Column("user", label=_("Name"), accessor=str),
        "phone",
        "works_remotely",
        "is_active",
    ]
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("phone"),
            FieldPanel("locations"),
            FieldPanel("works_remotely"),
            FieldPanel("is_active"),
        ],
        base_form_class=CounsellorForm,
    )

    def get_queryset(self, request):
        return Counsellor.objects.select_related("user")


def workshop_title(workshop):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("counselling_workshops:detail", args=[workshop.pk]),
        workshop.service.title,
    )


def workshop_places(workshop):
    return f"{workshop.taken}/{workshop.capacity} (+{workshop.reserve_count})"


class WorkshopIndexView(IndexView):
    def get_base_queryset(self):
        held = Q(signups__status__in=Signup.HOLDS_PLACE)
        return (
            super()
            .get_base_queryset()
            .select_related("service", "location", "leader__user")
            .annotate(
                taken=Count("signups", filter=held),
                reserve_count=Count(
                    "signups", filter=Q(signups__status=Signup.Status.RESERVE)
                ),
            )
        )


class WorkshopEditView(EditView):
    """Added places go to the reserve list at once, in the order people asked.

    One `place_freed` offers every free place (or sends the manager one phone
    list), so it runs once however many places were added.
    """

    def save_instance(self):
        before = Workshop.objects.select_for_update().get(pk=self.object.pk).capacity
        workshop = super().save_instance()
        if workshop.capacity > before:
            place_freed(workshop, now=timezone.now(), actor=self.request.user)
        return workshop


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    name = menu_name = "counselling_workshops"
    url_prefix = "poradnictwo/warsztaty"
    icon = "calendar-alt"
    menu_label = _("Workshop dates")
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = WorkshopIndexView
    edit_view_class = WorkshopEditView
    ordering = ["-starts_at", "pk"]
    list_per_page = 50
    list_filter = ["status", "location", "leader"]
    list_display = [
        Column(
            "starts_at",
            label=_("Starts"),
            accessor=lambda workshop: local_time(workshop.starts_at, "Y-m-d H:i"),
        ),
        Column("service", label=_("Workshop topic"), accessor=workshop_title),
        "location",
        Column("leader", label=_("Leader"), accessor=lambda w: str(w.leader)),
        Column("places", label=_("Places taken (reserve)"), accessor=workshop_places),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("service"),
            FieldPanel("location"),
            FieldPanel("room"),
            FieldPanel("leader"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("capacity"),
            FieldPanel("min_participants"),
        ],
        base_form_class=WorkshopForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/szczegoly/", workshops.workshop_detail, name="detail"),
            path("<int:pk>/odwolaj/", workshops.workshop_cancel, name="cancel"),
            path("<int:pk>/przenies/", workshops.workshop_move, name="move"),
        ]


class CounsellingViewSetGroup(ViewSetGroup):
    menu_label = _("Counselling")
    menu_name = "counselling"
    menu_icon = "group"
    menu_order = 450
    items = (
        MySlotsViewSet(),
        MySessionsViewSet(),
        WorkshopViewSet(),
        OnBehalfViewSet(),
        SessionsViewSet(),
        ChangeRequestsViewSet(),
        ComplaintsMenu(),
        StatisticsMenu(),
        LocationViewSet(),
        CounsellorViewSet(),
    )
