from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from . import cache_invalidation  # deferred: models load first
        from .workflow_mail import connect_notifications  # deferred: models load first

        connect_notifications()
        cache_invalidation.connect()
