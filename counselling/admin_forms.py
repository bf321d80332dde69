"""Staff forms in the admin: free times, attendance, notes, the manager's actions."""

import re
from datetime import time

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.accounts.models import PupOffice
from portal.accounts.roles import COUNSELLOR

from .models import (
    Attendance,
    Booking,
    Channel,
    Counsellor,
    Interpreter,
    Location,
    Slot,
    Workshop,
)

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
MARKS = [choice for choice in Attendance.choices if choice[0]]
STAFF_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def workshop_label(workshop) -> str:
    return f"{when(workshop.starts_at)} – {workshop.service.title}, {workshop.location}"


def slot_label(slot) -> str:
    place = slot.location or _("remote")
    return f"{when(slot.starts_at)} – {slot.counsellor}, {place}"


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input():
    return forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
    )


class SlotSeriesForm(forms.Form):
    """Publish a series of free times: every chosen weekday at the chosen hours."""

    location = forms.ModelChoiceField(
        label=_("Location"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("Remote (online meeting)"),
    )
    first_day = forms.DateField(label=_("From"), widget=date_input())
    last_day = forms.DateField(label=_("Until"), widget=date_input())
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    times = forms.CharField(
        label=_("Start times"),
        help_text=_("Hours separated by commas, for example 9:00, 10:30, 12:00."),
        max_length=200,
    )
    minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=15, max_value=240, initial=60
    )

    def __init__(self, *args, counsellor=None, **kwargs):
        super().__init__(*args, **kwargs)
        locations = Location.objects.filter(is_active=True)
        if counsellor is not None and counsellor.locations.exists():
            locations = counsellor.locations.filter(is_active=True)
        self.fields["location"].queryset = locations

    def clean_times(self):
        found = []
        for part in re.split(r"[,;\s]+", self.cleaned_data["times"].strip()):
            if not part:
                continue
            match = TIME_RE.match(part)
            if not match:
                raise forms.ValidationError(
                    _("Write hours as 9:00 or 14:30, separated by commas.")
                )
            found.append(time(int(match[1]), int(match[2])))
        if not found:
            raise forms.ValidationError(_("Give at least one start time."))
        return sorted(set(found))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day comes before the first."))
        if first and last and (last - first).days > 92:
            self.add_error("last_day", _("Publish at most three months at once."))
        return cleaned


class AttendanceForm(forms.Form):
    value = forms.ChoiceField(
        label=_("Attendance"), choices=MARKS, widget=forms.RadioSelect
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"),
        help_text=_("Confidential: only you and the Kierownik CPZ read it."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class MeetingLinkForm(forms.Form):
    url = forms.URLField(
        label=_("Meeting link"),
        help_text=_(
            "One link for all remote meetings with this client; it is e-mailed to "
            "them and shown on their booking page."
        ),
        max_length=500,
        assume_scheme="https",
    )


class OrganiserReasonForm(forms.Form):
    """The only reasons the rules let the centre cancel or move a service for."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=Workshop.CancelReason.choices,
        widget=forms.RadioSelect,
    )


class BookingCancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[
            (
                Workshop.CancelReason.LEADER_ILL.value,
                Workshop.CancelReason.LEADER_ILL.label,
            )
        ],
        initial=Workshop.CancelReason.LEADER_ILL.value,
        widget=forms.RadioSelect,
    )


class WorkshopMoveForm(OrganiserReasonForm):
    starts_at = forms.DateTimeField(label=_("New start"), widget=datetime_input())
    ends_at = forms.DateTimeField(label=_("New end"), widget=datetime_input())

    field_order = ["starts_at", "ends_at", "reason"]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        return cleaned


class ChangeDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    new_counsellor = forms.ModelChoiceField(
        label=_("New counsellor"),
        queryset=Counsellor.objects.filter(is_active=True).select_related("user"),
        required=False,
    )
    note = forms.CharField(
        label=_("Justification of the decision"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("approve") and not cleaned.get("new_counsellor"):
            self.add_error("new_counsellor", _("Choose the new counsellor."))
        return cleaned


class AssignForm(forms.Form):
    counsellor = forms.ModelChoiceField(
        label=_("Assigned counsellor"),
        queryset=Counsellor.objects.filter(is_active=True).select_related("user"),
    )


class SessionFilterForm(forms.Form):
    counsellor = forms.ModelChoiceField(
        label=_("Counsellor"),
        queryset=Counsellor.objects.select_related("user"),
        required=False,
        empty_label=_("All"),
    )
    location = forms.ModelChoiceField(
        label=_("Location"),
        queryset=Location.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=date_input())
    date_to = forms.DateField(label=_("Until"), required=False, widget=date_input())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *Booking.Status.choices],
        required=False,
    )


class OnBehalfForm(forms.Form):
    """A sign-up that came by phone, e-mail or in person, entered by staff.

    `person` is "c<id>" (a client), "u<id>" (a learner's account) or "new".
    """

    person = forms.CharField(widget=forms.HiddenInput, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    pup_office = forms.ModelChoiceField(
        label=_("Labour office"), queryset=PupOffice.objects.all(), required=False
    )
    channel = forms.ChoiceField(
        label=_("How the request came in"), choices=STAFF_CHANNELS
    )
    requested_at = forms.DateTimeField(
        label=_("When the request came in"), widget=datetime_input()
    )
    workshop = forms.ModelChoiceField(
        label=_("Workshop date"),
        queryset=Workshop.objects.none(),
        required=False,
        empty_label=_("– none –"),
    )
    slot = forms.ModelChoiceField(
        label=_("Free time for an individual session"),
        queryset=Slot.objects.none(),
        required=False,
        empty_label=_("– none –"),
    )
    interpreter = forms.ChoiceField(
        label=_("Sign-language interpreter"),
        choices=Interpreter.choices,
        required=False,
    )
    other_needs = forms.CharField(
        label=_("Other needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    remote_rules_accepted = forms.BooleanField(
        label=_(
            "The person accepted the technical rules of remote meetings and the ban "
            "on recording (remote sessions only)"
        ),
        required=False,
    )

    def __init__(self, *args, workshops, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = workshops
        self.fields["workshop"].label_from_instance = workshop_label
        self.fields["slot"].queryset = slots
        self.fields["slot"].label_from_instance = slot_label

    def clean_person(self):
        person = self.cleaned_data["person"]
        if person != "new" and not re.fullmatch(r"[cu]\d+", person or ""):
            raise forms.ValidationError(_("Choose a person or enter a new one."))
        return person

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("person") == "new":
            for field in ("first_name", "last_name"):
                if not cleaned.get(field):
                    self.add_error(field, _("This field is required."))
            if not cleaned.get("email") and not cleaned.get("phone"):
                self.add_error("email", _("Give an e-mail address or a phone number."))
        if bool(cleaned.get("workshop")) == bool(cleaned.get("slot")):
            self.add_error(
                "workshop", _("Choose either a workshop date or a free time.")
            )
        slot = cleaned.get("slot")
        if slot is not None and slot.is_remote:
            if not cleaned.get("remote_rules_accepted"):
                self.add_error(
                    "remote_rules_accepted",
                    _("A remote session needs the person's acceptance of the rules."),
                )
            if not cleaned.get("phone") and cleaned.get("person") == "new":
                self.add_error("phone", _("A remote session needs a phone number."))
        return cleaned


class CounsellorAccountField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} <{obj.email}>"


class CounsellorForm(WagtailAdminModelForm):
    """A counsellor profile is made for a staff account in the counsellors' group."""

    user = CounsellorAccountField(
        label=_("Staff account"),
        queryset=get_user_model().objects.filter(groups__name=COUNSELLOR),
    )


class WorkshopForm(WagtailAdminModelForm):
    """A new date is set here; a scheduled date moves only by the "Move" action,
    which tells everyone signed up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("starts_at", "ends_at"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "Change it with “Move”: everyone signed up is told."
                    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        capacity, minimum = cleaned.get("capacity"), cleaned.get("min_participants")
        if capacity is not None and minimum is not None and minimum > capacity:
            self.add_error(
                "min_participants", _("The minimum cannot exceed the number of places.")
            )
        return cleaned
