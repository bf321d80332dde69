"""A counsellor's free times, attendance, notes and link; the manager's session
actions, counsellor changes and filters."""

import re
from datetime import time

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Booking, Counsellor, Location, Slot, Workshop
from .common import MARKS, TIME_RE, WEEKDAYS, date_input, slot_label


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


class SessionMoveForm(BookingCancelForm):
    """The centre moves a session to another free time, of any counsellor."""

    slot = forms.ModelChoiceField(label=_("New time"), queryset=Slot.objects.none())

    field_order = ["slot", "reason"]

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
        self.fields["slot"].label_from_instance = slot_label


class ChangeDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve the request")), ("0", _("Reject the request"))],
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
