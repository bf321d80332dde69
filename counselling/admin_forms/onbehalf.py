"""A sign-up that came by phone, e-mail or in person, entered by staff."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import PupOffice

from ..models import Interpreter, Slot, Workshop
from .common import (
    REQUEST_MAX_AGE,
    STAFF_CHANNELS,
    datetime_input,
    slot_label,
    workshop_label,
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

    def clean_requested_at(self):
        requested = self.cleaned_data["requested_at"]
        now = timezone.now()
        if requested > now:
            raise forms.ValidationError(_("The request cannot come in the future."))
        if requested < now - REQUEST_MAX_AGE:
            raise forms.ValidationError(
                _("Enter requests within 30 days of their arrival.")
            )
        return requested

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
