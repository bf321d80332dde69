from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import consent


class CookieDeclarationBlock(blocks.StaticBlock):
    """The table of cookies, as edited in the admin, placed in a page."""

    class Meta:
        icon = "table"
        label = _("Cookie declaration table")
        admin_text = _(
            "Shows the list of cookies edited under Privacy › Cookie declaration."
        )
        template = "privacy/cookie_declaration_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["declaration"] = consent.declaration()
        return context
