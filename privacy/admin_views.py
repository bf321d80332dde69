"""The data-protection officer's screens for data-subject requests."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, services
from .forms import CloseForm, ExtendForm
from .models import DataRequest

FILTERS = {
    "open": DataRequest.OPEN,
    "closed": (DataRequest.Status.COMPLETED, DataRequest.Status.REJECTED),
    "unconfirmed": ("unconfirmed",),
}


def _officer(request):
    if not permissions.can_handle_requests(request.user):
        raise PermissionDenied


def request_list(request):
    _officer(request)
    shown = request.GET.get("status", "open")
    requests = DataRequest.objects.filter(
        status__in=FILTERS.get(shown, DataRequest.OPEN)
    )
    if request.GET.get("due") == "soon":
        requests = requests.filter(
            due_at__lte=timezone.now() + timezone.timedelta(days=5)
        )
    page = Paginator(requests.order_by("due_at", "created_at"), 30).get_page(
        request.GET.get("strona")
    )
    return TemplateResponse(
        request,
        "privacy/admin/request_list.html",
        {"requests": page, "now": timezone.now()},
    )


def request_detail(request, pk):
    _officer(request)
    data_request = get_object_or_404(DataRequest, pk=pk)
    services.audit_record(request=request, action="view", obj=data_request)
    return TemplateResponse(
        request,
        "privacy/admin/request_detail.html",
        {
            "data_request": data_request,
            "events": data_request.events.select_related("actor"),
            "extend_form": ExtendForm(),
            "close_form": CloseForm(),
        },
    )


@require_POST
def request_action(request, pk, action):
    _officer(request)
    data_request = get_object_or_404(DataRequest, pk=pk)
    if action == "lift":
        form = CloseForm({"outcome": "-"})
    else:
        form = (
            ExtendForm(request.POST) if action == "extend" else CloseForm(request.POST)
        )
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("data_requests:detail", pk)
    try:
        if action == "extend":
            services.data_request_extend(
                request=data_request,
                by=request.user,
                reason=form.cleaned_data["reason"],
                months=form.cleaned_data["months"],
            )
        elif action == "lift":
            services.restriction_lift(request=data_request, by=request.user)
        elif action in ("complete", "reject"):
            services.data_request_close(
                request=data_request,
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                rejected=action == "reject",
            )
        else:
            raise PermissionDenied
    except services.RequestRuleError as error:
        messages.error(request, str(error))
    else:
        kinds = {"extend": "change", "lift": "change", "reject": "change"}
        if action == "complete":
            kinds["complete"] = {
                DataRequest.Kind.COPY: "export",
                DataRequest.Kind.ERASURE: "delete",
            }.get(data_request.kind, "change")
        services.audit_record(
            request=request,
            action=kinds[action],
            obj=data_request,
            description=f"{action}: {data_request.get_kind_display()}",
        )
        messages.success(request, _("Saved. The person has been notified by e-mail."))
    return redirect("data_requests:detail", pk)


def audit_log(request):
    """The audit log, read-only, for the data-protection officer."""
    if not permissions.can_read_audit_log(request.user):
        raise PermissionDenied
    from .models import AuditEntry

    entries = AuditEntry.objects.select_related("actor")
    page = Paginator(entries, 50).get_page(request.GET.get("strona"))
    return TemplateResponse(request, "privacy/admin/audit_log.html", {"entries": page})
