"""What the staff screens share: who is asking, and how refusals are shown."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

from .. import permissions

PER_PAGE = 50


def require_counsellor(request):
    """The counsellor profile of the person asking, or 403."""
    if not permissions.is_counsellor(request.user):
        raise PermissionDenied
    return permissions.counsellor_of(request.user)


def require_manager(request):
    if not permissions.is_centre_manager(request.user):
        raise PermissionDenied


def own_counsellor(request):
    """The asking counsellor, or None for the manager; 403 for anyone else."""
    if permissions.is_centre_manager(request.user):
        return None
    return require_counsellor(request)


def form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def page_of(request, queryset, per_page=PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("p"))
