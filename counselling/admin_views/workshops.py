"""One workshop date: participants, the reserve list in order, the log, and the
manager's actions (cancel, move) with the reasons the rules allow."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record

from .. import permissions
from ..admin_forms import AttendanceForm, OrganiserReasonForm, WorkshopMoveForm
from ..models import Event, Signup, Workshop
from ..services import workshops
from ..services.errors import BookingError
from .common import form_errors, own_counsellor, require_manager

SIGNUP_RELATED = ("client__user", "client__pup_office", "entered_by")


def _workshop_for(request, pk):
    """The workshop for the manager, or for the counsellor who leads it (else 404)."""
    counsellor = own_counsellor(request)
    workshop = get_object_or_404(
        Workshop.objects.select_related("service", "location", "leader__user"), pk=pk
    )
    if counsellor is not None and workshop.leader_id != counsellor.pk:
        raise Http404
    return workshop


def workshop_detail(request, pk):
    workshop = _workshop_for(request, pk)
    is_manager = permissions.is_centre_manager(request.user)
    signups = list(
        Signup.objects.filter(workshop=workshop)
        .select_related(*SIGNUP_RELATED)
        .order_by("requested_at", "pk")
    )
    reserve = [s for s in signups if s.status == Signup.Status.RESERVE]
    for position, signup in enumerate(reserve, start=1):
        signup.position = position
    log = []
    if is_manager:
        log = (
            Event.objects.filter(workshop=workshop)
            .select_related("actor", "client__user")
            .order_by("at", "pk")
        )
    audit_record(
        request=request,
        action="view",
        obj=workshop,
        description="counselling: participants and reserve list",
    )
    return TemplateResponse(
        request,
        "counselling/admin/workshop.html",
        {
            "workshop": workshop,
            "is_manager": is_manager,
            "participants": [s for s in signups if s.status in Signup.HOLDS_PLACE],
            "reserve": reserve,
            "others": [s for s in signups if not s.is_live],
            "counts": workshops.workshop_counts(workshop),
            "log": log,
            "now": timezone.now(),
            "marks": AttendanceForm.base_fields["value"].choices,
            "cancel_form": OrganiserReasonForm(prefix="cancel"),
            "move_form": WorkshopMoveForm(
                prefix="move",
                initial={"starts_at": workshop.starts_at, "ends_at": workshop.ends_at},
            ),
        },
    )


@require_POST
def workshop_cancel(request, pk):
    require_manager(request)
    workshop = get_object_or_404(Workshop, pk=pk)
    form = OrganiserReasonForm(request.POST, prefix="cancel")
    if form.is_valid():
        try:
            workshops.workshop_cancel(
                workshop=workshop,
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The workshop is cancelled; everyone signed up is being told."),
            )
    else:
        form_errors(request, form)
    return redirect("counselling_workshops:detail", pk=workshop.pk)


@require_POST
def workshop_move(request, pk):
    require_manager(request)
    workshop = get_object_or_404(Workshop, pk=pk)
    form = WorkshopMoveForm(request.POST, prefix="move")
    if form.is_valid():
        try:
            workshops.workshop_move(
                workshop=workshop,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The workshop is moved; everyone signed up is being told.")
            )
    else:
        form_errors(request, form)
    return redirect("counselling_workshops:detail", pk=workshop.pk)
