from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CookieDeclaration


class CookieDeclarationViewSet(ModelViewSet):
    model = CookieDeclaration
    icon = "list-ul"
    menu_label = _("Cookie declaration")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["name", "provider", "category", "duration", "first_party"]
    list_filter = ["category", "first_party"]
    search_fields = ["name", "provider", "purpose"]


class DataProtectionViewSetGroup(ViewSetGroup):
    """The data-protection officer's part of the admin."""

    menu_label = _("Data protection")
    menu_icon = "lock"
    menu_order = 350
    submenu_hook = "register_data_protection_menu_item"
    items = (CookieDeclarationViewSet("cookie_declaration"),)
