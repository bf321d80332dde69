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
from .models import DataRequest, DataRequestEvent
from .services import requests as request_services

# The audit log names the step as the request's history does.
STEP_LABELS = {
    "extend": DataRequestEvent.Action.EXTENDED.label,
    "lift": DataRequestEvent.Action.RESTRICTION_LIFTED.label,
    "complete": DataRequestEvent.Action.COMPLETED.label,
    "reject": DataRequestEvent.Action.REJECTED.label,
}


def _officer(request):
    if not permissions.can_handle_requests(request.user):
        raise PermissionDenied


def request_detail(request, pk):
    _officer(request)
    data_request = get_object_or_404(DataRequest, pk=pk)
    audit_record(request=request, action="view", obj=data_request)
    return _detail_response(request, data_request)


def _detail_response(request, data_request, *, extend_form=None, close_form=None):
    """The request with its history; a form sent back with errors keeps its text."""
    return TemplateResponse(
        request,
        "privacy/admin/request_detail.html",
        {
            "data_request": data_request,
            "events": data_request.events.select_related("actor"),
            "extend_form": extend_form or ExtendForm(),
            "close_form": close_form or CloseForm(),
        },
        status=400 if (extend_form or close_form) else 200,
    )


@require_POST
def request_action(request, pk, action):
    _officer(request)
    data_request = get_object_or_404(DataRequest, pk=pk)
    if action == "lift":
        form = CloseForm({"outcome": "-"})
    elif action == "extend":
        form = ExtendForm(request.POST)
    else:
        form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form has errors: see the fields below."))
        if action == "extend":
            return _detail_response(request, data_request, extend_form=form)
        return _detail_response(request, data_request, close_form=form)
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
            description=f"{STEP_LABELS[action]}: {data_request.get_kind_display()}",
        )
        messages.success(request, _("Saved. The person has been notified by e-mail."))
    return redirect("data_requests:detail", pk)
