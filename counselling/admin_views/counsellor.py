"""A counsellor's own work: free times ("Moje terminy"), sessions and attendance."""

from datetime import timedelta

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record
from portal.core.http import safe_next
from portal.core.models import AuditEntry

from ..admin_forms import AttendanceForm, SlotSeriesForm
from ..models import Booking, Signup, Slot, Workshop
from ..services import bookings
from ..services.errors import BookingError
from .common import form_errors, own_counsellor, page_of, require_counsellor

PAST_DAYS = 30


def my_slots(request):
    """The counsellor's future free and booked times, and a form to publish more."""
    counsellor = require_counsellor(request)
    form = SlotSeriesForm(request.POST or None, counsellor=counsellor)
    if request.method == "POST" and form.is_valid():
        try:
            added = bookings.slots_create(
                counsellor=counsellor, actor=request.user, **form.cleaned_data
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d free time published.",
                    "%(count)d free times published.",
                    added,
                )
                % {"count": added},
            )
            return redirect("counselling_slots:index")
    live = Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)
    slots = (
        Slot.objects.filter(
            counsellor=counsellor, withdrawn=False, ends_at__gte=timezone.now()
        )
        .select_related("location")
        .annotate(booked=Exists(live))
        .order_by("starts_at", "pk")
    )
    return TemplateResponse(
        request,
        "counselling/admin/slots.html",
        {"form": form, "page": page_of(request, slots, per_page=100)},
    )


@require_POST
def slot_withdraw(request, pk):
    counsellor = require_counsellor(request)
    slot = get_object_or_404(Slot, pk=pk, counsellor=counsellor)
    try:
        bookings.slot_withdraw(slot=slot, actor=request.user)
    except BookingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The time is withdrawn."))
    return redirect(safe_next(request, reverse("counselling_slots:index")))


def _sessions(counsellor):
    queryset = Booking.objects.select_related(
        "client__user", "slot__location", "slot__counsellor__user"
    )
    if counsellor is not None:
        queryset = queryset.filter(slot__counsellor=counsellor)
    return queryset


def my_sessions(request):
    """ "Moje spotkania": upcoming and recent sessions, and the workshops led."""
    counsellor = require_counsellor(request)
    now = timezone.now()
    since = now - timedelta(days=PAST_DAYS)
    sessions = _sessions(counsellor).filter(status=Booking.Status.BOOKED)
    held = Q(signups__status__in=Signup.HOLDS_PLACE)
    workshops = (
        Workshop.objects.filter(leader=counsellor, ends_at__gte=since)
        .select_related("service", "location")
        .annotate(
            taken=Count("signups", filter=held),
            reserve_count=Count(
                "signups", filter=Q(signups__status=Signup.Status.RESERVE)
            ),
            unmarked=Count(
                "signups",
                filter=Q(signups__status=Signup.Status.PARTICIPANT)
                & Q(signups__attendance=""),
            ),
        )
        .order_by("starts_at")
    )
    # A listing of clients' names: filed under the counsellor, the path says which.
    audit_record(
        request=request,
        action=AuditEntry.Action.VIEW,
        obj=counsellor,
        description=request.get_full_path(),
    )
    return TemplateResponse(
        request,
        "counselling/admin/my_sessions.html",
        {
            "upcoming": sessions.filter(slot__starts_at__gt=now).order_by(
                "slot__starts_at"
            )[:200],
            "past": sessions.filter(
                slot__starts_at__lte=now, slot__starts_at__gte=since
            ).order_by("-slot__starts_at")[:200],
            "workshops": workshops,
            "marks": AttendanceForm.base_fields["value"].choices,
            "now": now,
        },
    )


def _mark(request, appointment, back):
    form = AttendanceForm(request.POST)
    if appointment.starts_at > timezone.now():
        messages.error(request, _("Attendance is marked once the service has begun."))
    elif not form.is_valid():
        form_errors(request, form)
    else:
        try:
            bookings.attendance_mark(
                appointment=appointment,
                value=form.cleaned_data["value"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attendance is saved."))
    return redirect(safe_next(request, back))


@require_POST
def booking_attendance(request, pk):
    counsellor = own_counsellor(request)
    booking = get_object_or_404(
        _sessions(counsellor), pk=pk, status=Booking.Status.BOOKED
    )
    return _mark(request, booking, reverse("counselling_my_sessions:index"))


@require_POST
def signup_attendance(request, pk):
    counsellor = own_counsellor(request)
    signup = get_object_or_404(
        Signup.objects.select_related("workshop", "client"),
        pk=pk,
        status=Signup.Status.PARTICIPANT,
    )
    if counsellor is not None and signup.workshop.leader_id != counsellor.pk:
        raise Http404
    return _mark(
        request,
        signup,
        reverse("counselling_workshops:detail", args=[signup.workshop_id]),
    )
