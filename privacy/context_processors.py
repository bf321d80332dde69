from . import consent, selectors


def cookie_consent(request):
    """The visitor's consent, for the banner and for embeds that need it."""

    def load():
        cached = getattr(request, "_cookie_consent", None)
        if cached is None:
            version = selectors.privacy_policy_version(request)
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
