from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PupOffice


class PupOfficeViewSet(ModelViewSet):
    model = PupOffice
    icon = "home"
    menu_label = _("Labour offices")
    add_to_reference_index = False
    list_display = ["name", "town", "parent", "is_active", "name_verified"]
    list_filter = ["is_active", "name_verified"]
    search_fields = ["name", "town", "code"]
    ordering = ["name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("town"),
        FieldPanel("area"),
        FieldPanel("parent"),
        FieldPanel("is_active"),
        FieldPanel("name_verified"),
    ]


class ProgrammeViewSetGroup(ViewSetGroup):
    """The coordinator's part of the admin."""

    menu_label = _("Programme")
    menu_icon = "table"
    menu_order = 300
    # Other apps add the coordinator's screens here (statistics, accommodations).
    submenu_hook = "register_programme_menu_item"
    items = (PupOfficeViewSet("pup_offices"),)
