"""Free times, booking one, and signing up for a workshop date."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.views import current_documents_required

from .. import permissions, rules, selectors
from ..forms import BookingForm, FreeTimesFilterForm, SignupForm
from ..models import ServiceKind, Signup, Workshop
from ..services.bookings import BookingError, SlotTaken, booking_create
from ..services.clients import client_for_user
from ..services.workshops import reserve_position, signup_create
from .access import require_booker

KINDS = (ServiceKind.INDIVIDUAL, ServiceKind.REMOTE)
SLOTS_PER_PAGE = 60


def free_times(request, kind):
    if kind not in KINDS:
        raise Http404
    client = selectors.client_of(request.user)
    assigned = client.counsellor if client and client.counsellor_id else None
    form = FreeTimesFilterForm(
        request.GET or None,
        locations=(
            selectors.active_locations() if kind == ServiceKind.INDIVIDUAL else None
        ),
        counsellors=None if assigned else selectors.counsellors_for(kind),
    )
    location = counsellor = None
    if form.is_bound and form.is_valid():
        location = form.cleaned_data.get("location")
        counsellor = form.cleaned_data.get("counsellor")
    slots = selectors.free_slots(
        kind=kind, location=location, counsellor=assigned or counsellor
    )
    page_obj = Paginator(slots, SLOTS_PER_PAGE).get_page(request.GET.get("strona"))
    return TemplateResponse(
        request,
        "counselling/free_times.html",
        {
            "kind": kind,
            "kind_label": ServiceKind(kind).label,
            "form": form,
            "assigned": assigned,
            "days": selectors.group_by_day(page_obj.object_list),
            "page_obj": page_obj,
            "days_ahead": selectors.FREE_TIMES_DAYS,
            "pending_change": selectors.pending_change_request(client),
        },
    )


def _booking_form(request, slot, remote):
    return BookingForm(
        request.POST if request.method == "POST" else None,
        remote=remote,
        interpreter_day=rules.interpreter_latest_request_day(slot.starts_at),
    )


@current_documents_required
def book_slot(request, slot_id):
    slot = selectors.slot_for_booking(slot_id)
    if slot is None:
        raise Http404
    if response := require_booker(request):
        return response
    remote = slot.location_id is None
    kind = ServiceKind.REMOTE if remote else ServiceKind.INDIVIDUAL
    now = timezone.now()
    back = redirect("counselling:free_times", kind=kind)
    if not selectors.slot_is_free(slot, now):
        messages.error(
            request, _("This time is no longer free. Please choose another one.")
        )
        return back
    client = selectors.client_of(request.user)
    if client and client.counsellor_id and client.counsellor_id != slot.counsellor_id:
        messages.error(
            request, _("You meet your assigned counsellor. Choose one of their times.")
        )
        return back
    form = _booking_form(request, slot, remote)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = booking_create(
                client=client or client_for_user(request.user),
                slot=slot,
                actor=request.user,
                phone=data.get("phone", ""),
                remote_rules_accepted=bool(data.get("remote_rules")),
                interpreter=data["interpreter"],
                other_needs=data["other_needs"],
                topic=data["topic"],
            )
        except SlotTaken as error:
            messages.error(request, str(error))
            return back
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your meeting is booked. We have sent the details by e-mail."),
            )
            return redirect("counselling:appointment", token=booking.token)
    return TemplateResponse(
        request,
        "counselling/book_slot.html",
        {
            "slot": slot,
            "remote": remote,
            "kind": kind,
            "form": form,
            "interpreter_in_time": rules.interpreter_in_time(slot.starts_at, now),
        },
    )


@current_documents_required
def workshop_signup(request, workshop_id):
    workshop = selectors.workshop_for_signup(workshop_id)
    if workshop is None:
        raise Http404
    if response := require_booker(request):
        return response
    now = timezone.now()
    if workshop.status != Workshop.Status.SCHEDULED or workshop.starts_at <= now:
        messages.error(request, _("Sign-up for this workshop date is closed."))
        return redirect(workshop.service.url)
    client = selectors.client_of(request.user)
    if client is not None:
        mine = Signup.objects.filter(
            workshop=workshop, client=client, status__in=Signup.LIVE
        ).first()
        if mine is not None:
            messages.info(request, _("You are already signed up for this workshop."))
            return redirect("counselling:appointment", token=mine.token)
    workshop.free_places = max(workshop.capacity - workshop.taken, 0)
    form = SignupForm(
        request.POST if request.method == "POST" else None,
        interpreter_day=rules.interpreter_latest_request_day(workshop.starts_at),
    )
    if request.method == "POST" and form.is_valid():
        try:
            signup = signup_create(
                workshop=workshop,
                client=client or client_for_user(request.user),
                actor=request.user,
                interpreter=form.cleaned_data["interpreter"],
                other_needs=form.cleaned_data["other_needs"],
            )
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            if signup.status == Signup.Status.RESERVE:
                messages.success(
                    request,
                    _(
                        "The workshop is full. You are on the reserve list, "
                        "position %(position)s. We will write if a place frees up."
                    )
                    % {"position": reserve_position(signup)},
                )
            else:
                messages.success(
                    request,
                    _("You are signed up for the workshop. See you there!"),
                )
            return redirect("counselling:appointment", token=signup.token)
    return TemplateResponse(
        request,
        "counselling/workshop_signup.html",
        {
            "workshop": workshop,
            "form": form,
            "interpreter_in_time": rules.interpreter_in_time(workshop.starts_at, now),
            "can_book": permissions.can_book(request.user),
        },
    )
