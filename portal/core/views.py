"""The portal's answer to a request it refuses as malformed (400)."""

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def bad_request(request, exception):
    """Django's own 400 page is rendered without the request; this is the portal's."""
    return render(request, "400.html", status=400)
