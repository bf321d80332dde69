"""The manager's view of the whole centre: every session, cancellations by the
centre, and requests to change the counsellor."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record
from portal.core.models import AuditEntry

from .. import rules
from ..admin_forms import (
    BookingCancelForm,
    ChangeDecisionForm,
    SessionFilterForm,
    SessionMoveForm,
)
from ..models import Booking, ChangeRequest, Event, Workshop
from ..services import bookings, clients
from ..services.errors import BookingError
from .common import form_errors, page_of, require_manager
from .onbehalf import free_times

DECIDED_SHOWN = 20
ONE_DAY = timedelta(days=1)


def sessions(request):
    require_manager(request)
    form = SessionFilterForm(request.GET or None)
    queryset = Booking.objects.select_related(
        "client__user", "slot__location", "slot__counsellor__user"
    ).order_by("-slot__starts_at", "pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["counsellor"]:
            queryset = queryset.filter(slot__counsellor=data["counsellor"])
        if data["location"]:
            queryset = queryset.filter(slot__location=data["location"])
        if data["date_from"]:
            queryset = queryset.filter(
                slot__starts_at__gte=rules.end_of_day(data["date_from"] - ONE_DAY)
            )
        if data["date_to"]:
            queryset = queryset.filter(
                slot__starts_at__lt=rules.end_of_day(data["date_to"])
            )
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
    # A listing of clients' names: filed under the viewer, the path says which.
    audit_record(
        request=request,
        action=AuditEntry.Action.VIEW,
        obj=request.user,
        description=request.get_full_path(),
    )
    return TemplateResponse(
        request,
        "counselling/admin/sessions.html",
        {"form": form, "page": page_of(request, queryset)},
    )


def session_detail(request, pk):
    require_manager(request)
    booking = get_object_or_404(
        Booking.objects.select_related(
            "client__user", "slot__location", "slot__counsellor__user", "entered_by"
        ),
        pk=pk,
    )
    audit_record(request=request, action="view", obj=booking)
    now = timezone.now()
    return TemplateResponse(
        request,
        "counselling/admin/session.html",
        {
            "booking": booking,
            "can_cancel": booking.is_live and rules.can_change(booking.starts_at, now),
            "cancel_form": BookingCancelForm(),
            "move_form": SessionMoveForm(
                prefix="move", slots=_other_times(booking, now)
            ),
            "log": Event.objects.filter(booking=booking).select_related("actor"),
        },
    )


@require_POST
def session_cancel(request, pk):
    require_manager(request)
    booking = get_object_or_404(Booking, pk=pk)
    form = BookingCancelForm(request.POST)
    if form.is_valid():
        try:
            bookings.booking_cancel_by_centre(
                booking=booking,
                reason=_stored_reason(form.cleaned_data["reason"]),
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _(
                    "The session is cancelled; the client is told and offered "
                    "new times."
                ),
            )
    else:
        form_errors(request, form)
    return redirect("counselling_sessions:detail", pk=booking.pk)


def _stored_reason(code) -> str:
    """The reason in Polish, whatever language the staff member's admin uses."""
    with translation.override("pl"):
        return str(Workshop.CancelReason(code).label)


def _other_times(booking, now):
    return (
        free_times(now).filter(counsellor__is_active=True).exclude(pk=booking.slot_id)
    )


@require_POST
def session_move(request, pk):
    require_manager(request)
    booking = get_object_or_404(Booking, pk=pk)
    now = timezone.now()
    form = SessionMoveForm(
        request.POST, prefix="move", slots=_other_times(booking, now)
    )
    if form.is_valid():
        try:
            bookings.booking_move(
                booking=booking, slot=form.cleaned_data["slot"], actor=request.user
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            audit_record(
                request=request,
                action=AuditEntry.Action.CHANGE,
                obj=booking,
                description=f"moved by the centre: {form.cleaned_data['reason']}",
            )
            messages.success(
                request, _("The session is moved; the client is told by e-mail.")
            )
    else:
        form_errors(request, form)
    return redirect("counselling_sessions:detail", pk=booking.pk)


def change_requests(request):
    require_manager(request)
    related = ("client__user", "client__counsellor__user", "current__user")
    pending = ChangeRequest.objects.filter(
        status=ChangeRequest.Status.PENDING
    ).select_related(*related)
    decided = (
        ChangeRequest.objects.exclude(status=ChangeRequest.Status.PENDING)
        .select_related(*related, "new_counsellor__user", "decided_by")
        .order_by("-decided_at")[:DECIDED_SHOWN]
    )
    return TemplateResponse(
        request,
        "counselling/admin/change_requests.html",
        {
            "pending": [
                (change, ChangeDecisionForm(prefix=f"c{change.pk}"))
                for change in pending.order_by("created_at")
            ],
            "decided": decided,
        },
    )


@require_POST
def change_request_decide(request, pk):
    require_manager(request)
    change = get_object_or_404(ChangeRequest, pk=pk)
    form = ChangeDecisionForm(request.POST, prefix=f"c{change.pk}")
    if form.is_valid():
        try:
            clients.change_request_decide(
                change_request=change,
                approve=form.cleaned_data["approve"],
                new_counsellor=form.cleaned_data["new_counsellor"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision is saved and the client told."))
    else:
        form_errors(request, form)
    return redirect("counselling_changes:index")
