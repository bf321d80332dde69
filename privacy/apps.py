from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("privacy")
