"""Requests refused before any view sees them."""

from django.core.exceptions import BadRequest


class RejectNulMiddleware:
    """Answer 400 to an address whose path or query string holds a NUL character.

    No address of the portal has a use for it, and PostgreSQL refuses it in text
    (the only character it refuses): a view looking such a value up would fail
    with a 500 instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or any(
            "\x00" in name or any("\x00" in value for value in values)
            for name, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the address")
        return self.get_response(request)
