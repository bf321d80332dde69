"""A complaint about a service (§ 7) and a request for another counsellor (§ 3(8))."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions, rules, selectors
from ..forms import ChangeRequestForm, ComplaintForm
from ..services.bookings import BookingError
from ..services.clients import change_request_file
from ..services.complaints import (
    ComplaintError,
    appointment_service,
    complaint_file_online,
)
from .access import appointment_or_404, require_signed_in


def complaint_new(request, token):
    appointment = appointment_or_404(request, token)
    now = timezone.now()
    service_name, service_date, service_place = appointment_service(appointment)
    context = {
        "appointment": appointment,
        "service_name": service_name,
        "service_date": service_date,
        "service_place": service_place,
        "deadline": rules.complaint_deadline(appointment.ends_at),
        "location": (
            appointment.slot.location
            if appointment.is_booking
            else appointment.workshop.location
        ),
    }
    if not permissions.can_file_complaint(appointment, now):
        context["too_early"] = permissions.complaint_not_yet_open(appointment, now)
        return TemplateResponse(
            request, "counselling/complaint_closed.html", context, status=403
        )
    if not permissions.is_owner(request.user, appointment):
        # Filing online needs the owner's account; others write or call.
        context["needs_sign_in"] = True
        return TemplateResponse(
            request, "counselling/complaint_closed.html", context, status=403
        )
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        initial={"full_name": appointment.client.name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            complaint_file_online(
                appointment=appointment,
                actor=request.user,
                **form.cleaned_data,
            )
        except ComplaintError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Your complaint has been filed. The centre will answer within "
                    "14 days; we have sent a confirmation by e-mail."
                ),
            )
            return redirect("counselling:my_appointments")
    context["form"] = form
    return TemplateResponse(request, "counselling/complaint_new.html", context)


def change_request(request):
    if response := require_signed_in(request):
        return response
    client = selectors.client_of(request.user)
    pending = selectors.pending_change_request(client)
    allowed = permissions.can_request_change(request.user, client)
    form = ChangeRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and allowed and not pending and form.is_valid():
        try:
            change_request_file(client=client, reason=form.cleaned_data["reason"])
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent. The head of the centre will decide "
                    "and let you know by e-mail."
                ),
            )
            return redirect("counselling:my_appointments")
    return TemplateResponse(
        request,
        "counselling/change_request.html",
        {"client": client, "pending": pending, "allowed": allowed, "form": form},
    )
