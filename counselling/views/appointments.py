"""'Moje spotkania', one appointment's page, and the client's changes to it.

Links in e-mails open pages; only their buttons (POST) change anything, since mail
scanners open links.
"""

from datetime import timedelta

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, rules, selectors
from ..ics import appointment_calendar
from ..models import Signup
from ..services.bookings import BookingError, booking_cancel, booking_move
from ..services.workshops import offer_confirm, offer_decline, signup_leave
from .access import appointment_or_404, require_signed_in


def my_appointments(request):
    if response := require_signed_in(request):
        return response
    now = timezone.now()
    data = selectors.my_appointments(request.user, now)
    for appointment in data.upcoming + data.past:
        _add_flags(appointment, now)
    return TemplateResponse(
        request,
        "counselling/my_appointments.html",
        {
            "data": data,
            "can_request_change": permissions.can_request_change(
                request.user, data.client
            ),
            "has_pending_change": any(
                r.status == r.Status.PENDING for r in data.change_requests
            ),
        },
    )


def _add_flags(appointment, now):
    appointment.can_change = permissions.can_change_appointment(appointment, now)
    appointment.can_move = permissions.can_move_appointment(appointment, now)
    appointment.can_answer_offer = permissions.can_answer_offer(appointment, now)
    appointment.can_complain = permissions.can_file_complaint(appointment, now)
    appointment.has_confirmation = permissions.can_download_confirmation(appointment)
    appointment.change_deadline = rules.change_deadline(appointment.starts_at)
    # The last day changes are possible: the day before the service, in Warsaw.
    appointment.last_change_day = rules.local_date(appointment.change_deadline) - (
        timedelta(days=1)
    )
    return appointment


def _detail(request, appointment, status=200, **extra):
    now = timezone.now()
    _add_flags(appointment, now)
    context = {
        "appointment": appointment,
        "is_owner": permissions.is_owner(request.user, appointment),
        "is_past": appointment.ends_at <= now,
        **extra,
    }
    return TemplateResponse(
        request, "counselling/appointment.html", context, status=status
    )


def appointment_detail(request, token):
    return _detail(request, appointment_or_404(request, token))


def appointment_ics(request, token):
    appointment = appointment_or_404(request, token)
    calendar = appointment_calendar(
        appointment,
        cancel=not permissions.is_live(appointment),
        meeting_url=appointment.meeting_url,
    )
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="spotkanie.ics"'
    return response


def _actor(request):
    """Who to log: the signed-in person, or nobody for a link's holder."""
    return request.user if request.user.is_authenticated else None


def _too_late(request, appointment):
    messages.error(
        request,
        _(
            "This can no longer be changed online. Please contact the centre by "
            "phone or e-mail."
        ),
    )
    return redirect("counselling:appointment", token=appointment.token)


def appointment_move(request, token):
    appointment = appointment_or_404(request, token)
    now = timezone.now()
    if not permissions.can_move_appointment(appointment, now):
        return _too_late(request, appointment)
    slot = appointment.slot
    kind = "remote" if slot.location_id is None else "individual"
    free = selectors.free_slots(kind=kind, counsellor=slot.counsellor, now=now)
    if request.method == "POST":
        slot_id = request.POST.get("slot", "")
        chosen = free.filter(pk=slot_id).first() if slot_id.isdigit() else None
        if chosen is None:
            messages.error(request, _("This time is no longer free. Choose another."))
        else:
            try:
                booking_move(booking=appointment, slot=chosen, actor=_actor(request))
            except BookingError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Your meeting has been moved. We have sent the new details."),
                )
                return redirect("counselling:appointment", token=appointment.token)
    return TemplateResponse(
        request,
        "counselling/appointment_move.html",
        {
            "appointment": appointment,
            "days": selectors.group_by_day(free),
            "days_ahead": selectors.FREE_TIMES_DAYS,
        },
    )


def appointment_cancel(request, token):
    appointment = appointment_or_404(request, token)
    if not permissions.can_change_appointment(appointment):
        return _too_late(request, appointment)
    if request.method == "POST":
        try:
            if appointment.is_booking:
                booking_cancel(booking=appointment, actor=_actor(request))
                text = _("Your meeting has been cancelled.")
            else:
                text = (
                    _("You have left the reserve list.")
                    if appointment.status == Signup.Status.RESERVE
                    else _("Your place on the workshop has been cancelled.")
                )
                signup_leave(signup=appointment, actor=_actor(request))
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, text)
            return redirect("counselling:appointment", token=appointment.token)
    return TemplateResponse(
        request, "counselling/appointment_cancel.html", {"appointment": appointment}
    )


def _answer_offer(request, token, service, text):
    appointment = appointment_or_404(request, token)
    if not permissions.can_answer_offer(appointment):
        messages.error(request, _("This offer is no longer valid."))
        return redirect("counselling:appointment", token=appointment.token)
    try:
        service(signup=appointment, actor=_actor(request))
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, text)
    return redirect("counselling:appointment", token=appointment.token)


@require_POST
def appointment_offer_confirm(request, token):
    return _answer_offer(
        request, token, offer_confirm, _("The place is yours. See you there!")
    )


@require_POST
def appointment_offer_decline(request, token):
    return _answer_offer(
        request,
        token,
        offer_decline,
        _("You have declined the place. It goes to the next person on the list."),
    )
