from wagtail.models import Site

from .models import LegalSettings


def legal_settings(site=None) -> LegalSettings:
    """The legal settings of a site (the default one when none is given)."""
    site = site or Site.objects.filter(is_default_site=True).first()
    settings = LegalSettings.for_site(site)
    if settings.terms_page_id or settings.privacy_page_id:
        settings = (
            LegalSettings.objects.select_related("terms_page", "privacy_page")
            .filter(pk=settings.pk)
            .first()
        )
    return settings
