from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    label = "forum"
    verbose_name = _("Forums")

    def ready(self):
        from . import signals  # noqa: F401  # deferred: receivers connect in ready()
