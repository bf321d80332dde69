"""Sign-ups that came by phone, e-mail or in person ("Zapis w imieniu klienta").

Staff find the person (a client already known, or a learner's account) or enter a
new one with name and contact details, say how and when the request came in, and
choose a workshop date or a free time: the request keeps its place in the queue.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..admin_forms import OnBehalfForm
from ..models import Booking, Client, Slot, Workshop
from ..services import bookings, clients, workshops
from ..services.errors import BookingError
from .common import require_manager

FOUND_SHOWN = 20


def find_people(query):
    """Known clients, and learners' accounts without a client record, matching."""
    query = (query or "").strip()
    if len(query) < 2:
        return [], []
    words = query.split()
    client_filter, user_filter = Q(), Q()
    for word in words:
        client_filter &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(phone__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
        )
        user_filter &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    found_clients = Client.objects.filter(client_filter).select_related(
        "user", "pup_office"
    )[:FOUND_SHOWN]
    has_client = Client.objects.filter(user=OuterRef("pk"))
    learners = (
        get_user_model()
        .objects.filter(user_filter, is_staff=False, is_superuser=False, is_active=True)
        .exclude(Exists(has_client))
        .order_by("last_name", "first_name")[:FOUND_SHOWN]
    )
    found_clients, learners = list(found_clients), list(learners)
    for client in found_clients:
        client.choice = f"c{client.pk}"
    for learner in learners:
        learner.choice = f"u{learner.pk}"
    return found_clients, learners


def open_workshops(now):
    return (
        Workshop.objects.filter(status=Workshop.Status.SCHEDULED, starts_at__gt=now)
        .select_related("service", "location")
        .order_by("starts_at")
    )


def free_times(now):
    booked = Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)
    return (
        Slot.objects.filter(withdrawn=False, starts_at__gt=now)
        .exclude(Exists(booked))
        .select_related("location", "counsellor__user")
        .order_by("starts_at")
    )


def _person(data, actor):
    person = data["person"]
    if person == "new":
        return clients.client_enter(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            phone=data["phone"],
            pup_office=data["pup_office"],
            actor=actor,
        )
    kind, pk = person[0], int(person[1:])
    if kind == "c":
        return Client.objects.get(pk=pk)
    user = get_user_model().objects.get(
        pk=pk, is_staff=False, is_superuser=False, is_active=True
    )
    return clients.client_for_user(user)


def _enter(data, actor):
    with transaction.atomic():
        client = _person(data, actor)
        if data["workshop"] is not None:
            return workshops.signup_create(
                workshop=data["workshop"],
                client=client,
                actor=actor,
                channel=data["channel"],
                requested_at=data["requested_at"],
                interpreter=data["interpreter"],
                other_needs=data["other_needs"],
            )
        return bookings.booking_create(
            client=client,
            slot=data["slot"],
            actor=actor,
            channel=data["channel"],
            requested_at=data["requested_at"],
            phone=data["phone"] or client.phone,
            remote_rules_accepted=data["remote_rules_accepted"],
            interpreter=data["interpreter"],
            other_needs=data["other_needs"],
        )


def on_behalf(request):
    require_manager(request)
    now = timezone.now()
    query = request.GET.get("q", "")
    found_clients, found_learners = find_people(query)
    initial = {
        "requested_at": timezone.localtime(now).replace(second=0, microsecond=0),
        "workshop": request.GET.get("workshop") or None,
    }
    form = OnBehalfForm(
        request.POST or None,
        initial=initial,
        workshops=open_workshops(now),
        slots=free_times(now),
    )
    if request.method == "POST" and form.is_valid():
        try:
            appointment = _enter(form.cleaned_data, request.user)
        except (BookingError, Client.DoesNotExist) as error:
            messages.error(request, getattr(error, "message", str(error)))
        except get_user_model().DoesNotExist:
            messages.error(request, _("Choose a person or enter a new one."))
        else:
            messages.success(request, _entered_message(appointment))
            if form.cleaned_data["workshop"] is not None:
                return redirect(
                    "counselling_workshops:detail", pk=appointment.workshop_id
                )
            return redirect("counselling_sessions:detail", pk=appointment.pk)
    return TemplateResponse(
        request,
        "counselling/admin/on_behalf.html",
        {
            "form": form,
            "query": query,
            "found_clients": found_clients,
            "found_learners": found_learners,
            "chosen": request.POST.get("person", ""),
        },
    )


def _entered_message(appointment):
    if isinstance(appointment, Booking):
        return _("The session is booked; the person gets a confirmation by e-mail.")
    position = workshops.reserve_position(appointment)
    if position:
        return _("The list is full: the person is number %(position)d in reserve.") % {
            "position": position
        }
    return _("The place is booked; the person gets a confirmation by e-mail.")
