"""One client's page: sessions, confidential notes, the remote meeting link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.audit import audit_record

from .. import permissions
from ..admin_forms import AssignForm, MeetingLinkForm, NoteForm
from ..models import Booking, Client, MeetingLink, Note, Signup
from ..services import clients
from ..services.errors import BookingError
from .common import form_errors, own_counsellor, require_counsellor, require_manager


def _client_for(request, pk):
    """The client, if the asking staff member may see them (404 otherwise)."""
    own_counsellor(request)
    client = get_object_or_404(
        Client.objects.select_related("user", "counsellor__user", "pup_office"), pk=pk
    )
    if not permissions.can_see_client(request.user, client):
        raise Http404
    return client


def note_add(*, client, counsellor, text) -> Note:
    return Note.objects.create(client=client, counsellor=counsellor, text=text.strip())


def client_detail(request, pk):
    counsellor = own_counsellor(request)
    client = _client_for(request, pk)
    sessions = Booking.objects.filter(client=client).select_related(
        "slot__location", "slot__counsellor__user"
    )
    signups = Signup.objects.filter(client=client).select_related(
        "workshop__service", "workshop__location"
    )
    notes = Note.objects.filter(client=client).select_related("counsellor__user")
    links = MeetingLink.objects.filter(client=client).select_related("counsellor__user")
    if counsellor is not None:
        sessions = sessions.filter(slot__counsellor=counsellor)
        signups = signups.filter(workshop__leader=counsellor)
        notes = notes.filter(counsellor=counsellor)
        links = links.filter(counsellor=counsellor)
    audit_record(
        request=request,
        action="view",
        obj=client,
        description="counselling: sessions and notes",
    )
    notes = [note for note in notes if permissions.can_read_notes(request.user, note)]
    own_link = links[0] if counsellor is not None and links else None
    return TemplateResponse(
        request,
        "counselling/admin/client.html",
        {
            "client": client,
            "sessions": sessions.order_by("-slot__starts_at"),
            "signups": signups.order_by("-workshop__starts_at"),
            "notes": notes,
            "links": links,
            "is_counsellor": counsellor is not None,
            "note_form": NoteForm() if counsellor is not None else None,
            "link_form": (
                MeetingLinkForm(initial={"url": own_link.url if own_link else ""})
                if counsellor is not None
                else None
            ),
            "assign_form": (
                AssignForm(initial={"counsellor": client.counsellor_id})
                if counsellor is None
                else None
            ),
        },
    )


@require_POST
def client_note(request, pk):
    counsellor = require_counsellor(request)
    client = _client_for(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        note_add(client=client, counsellor=counsellor, text=form.cleaned_data["text"])
        audit_record(request=request, action="change", obj=client, description="note")
        messages.success(request, _("The note is saved."))
    else:
        form_errors(request, form)
    return redirect("counselling_my_sessions:client", pk=client.pk)


@require_POST
def client_link(request, pk):
    counsellor = require_counsellor(request)
    client = _client_for(request, pk)
    form = MeetingLinkForm(request.POST)
    if form.is_valid():
        try:
            clients.meeting_link_set(
                client=client,
                counsellor=counsellor,
                url=form.cleaned_data["url"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The meeting link is saved."))
    else:
        form_errors(request, form)
    return redirect("counselling_my_sessions:client", pk=client.pk)


@require_POST
def client_assign(request, pk):
    require_manager(request)
    client = _client_for(request, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            clients.counsellor_assign(
                client=client,
                counsellor=form.cleaned_data["counsellor"],
                actor=request.user,
            )
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The counsellor is assigned."))
    else:
        form_errors(request, form)
    return redirect("counselling_my_sessions:client", pk=client.pk)
