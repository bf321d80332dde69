"""The manager's view of the whole centre: every session, cancellations by the
centre, and requests to change the counsellor."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record

from .. import rules
from ..admin_forms import BookingCancelForm, ChangeDecisionForm, SessionFilterForm
from ..models import Booking, ChangeRequest, Event, Workshop
from ..services import bookings, clients
from ..services.errors import BookingError
from .common import form_errors, page_of, require_manager

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
    return TemplateResponse(
        request,
        "counselling/admin/session.html",
        {
            "booking": booking,
            "can_cancel": booking.is_live
            and rules.can_change(booking.starts_at, timezone.now()),
            "cancel_form": BookingCancelForm(),
            "log": Event.objects.filter(booking=booking).select_related("actor"),
        },
    )


@require_POST
def session_cancel(request, pk):
    require_manager(request)
    booking = get_object_or_404(Booking, pk=pk)
    form = BookingCancelForm(request.POST)
    if form.is_valid():
        reason = Workshop.CancelReason(form.cleaned_data["reason"]).label
        try:
            bookings.booking_cancel_by_centre(
                booking=booking, reason=str(reason), actor=request.user
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
