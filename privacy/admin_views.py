"""The data-protection officer's screens for one data-subject request.

The list of requests and the audit log are listings of `viewsets.py`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record

from . import permissions
from .forms import CloseForm, ExtendForm
from .models import DataRequest
from .services import requests as request_services


def _officer(request):
    if not permissions.can_handle_requests(request.user):
        raise PermissionDenied


def request_detail(request, pk):
    _officer(request)
    data_request = get_object_or_404(DataRequest, pk=pk)
    audit_record(request=request, action="view", obj=data_request)
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
            request_services.data_request_extend(
                request=data_request,
                by=request.user,
                reason=form.cleaned_data["reason"],
                months=form.cleaned_data["months"],
            )
        elif action == "lift":
            request_services.restriction_lift(request=data_request, by=request.user)
        elif action in ("complete", "reject"):
            request_services.data_request_close(
                request=data_request,
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                rejected=action == "reject",
            )
        else:
            raise PermissionDenied
    except request_services.RequestRuleError as error:
        messages.error(request, str(error))
    else:
        kinds = {"extend": "change", "lift": "change", "reject": "change"}
        if action == "complete":
            kinds["complete"] = {
                DataRequest.Kind.COPY: "export",
                DataRequest.Kind.PORTABILITY: "export",
                DataRequest.Kind.ERASURE: "delete",
            }.get(data_request.kind, "change")
        audit_record(
            request=request,
            action=kinds[action],
            obj=data_request,
            description=f"{action}: {data_request.get_kind_display()}",
        )
        messages.success(request, _("Saved. The person has been notified by e-mail."))
    return redirect("data_requests:detail", pk)
