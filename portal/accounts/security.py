"""Who is asking: the login typed, as django-axes counts failed logins by it."""


def axes_username(request, credentials=None):
    """Return the login typed into the form, whichever name allauth gave it."""
    if credentials:
        for key in ("email", "login", "username"):
            if credentials.get(key):
                return str(credentials[key]).strip().lower()
    if request is not None and request.method == "POST":
        return request.POST.get("login", "").strip().lower() or None
    return None
