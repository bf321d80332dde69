from . import consent


def cookie_consent(request):
    """The visitor's consent, for the banner and for embeds that need it."""
    from portal.pages.models import LegalSettings

    def load():
        cached = getattr(request, "_cookie_consent", None)
        if cached is None:
            version = LegalSettings.for_request(request).privacy_version
            cached = consent.read(request, version)
            request._cookie_consent = cached
        return cached

    return {"cookie_consent": _Lazy(load)}


class _Lazy:
    """Evaluate the consent only when a template asks for it."""

    def __init__(self, loader):
        self._loader = loader
        self._value = None

    def __getattr__(self, name):
        if self._value is None:
            self._value = self._loader()
        return getattr(self._value, name)
