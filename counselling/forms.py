"""The learner's forms: booking a time, signing up for a workshop, complaints."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Counsellor, Interpreter, Location

INTERPRETER_HELP = _(
    "The law lets you ask for an interpreter at least 3 working days before the "
    "visit. For this visit, ask by {day} at the latest."
)


class FreeTimesFilterForm(forms.Form):
    """Narrow the free times to a place or a counsellor (a GET form)."""

    location = forms.ModelChoiceField(
        label=_("Location"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("All locations"),
    )
    counsellor = forms.ModelChoiceField(
        label=_("Career counsellor"),
        queryset=Counsellor.objects.none(),
        required=False,
        empty_label=_("Any counsellor"),
    )

    def __init__(self, *args, locations=None, counsellors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if locations is None:
            del self.fields["location"]
        else:
            self.fields["location"].queryset = locations
        if counsellors is None:
            del self.fields["counsellor"]
        else:
            self.fields["counsellor"].queryset = counsellors
            self.fields["counsellor"].label_from_instance = str


class NeedsForm(forms.Form):
    """What a person asks for at booking: an interpreter, another need."""

    interpreter = forms.ChoiceField(
        label=_("Sign-language interpreter"),
        choices=Interpreter.choices,
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )
    other_needs = forms.CharField(
        label=_("Other needs"),
        help_text=_(
            "For example a place for a wheelchair, an induction loop, more time, "
            "materials in large print."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, interpreter_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        if interpreter_day is not None:
            self.fields["interpreter"].help_text = str(INTERPRETER_HELP).format(
                day=interpreter_day.strftime("%d.%m.%Y")
            )


class BookingForm(NeedsForm):
    topic = forms.CharField(
        label=_("What would you like to talk about?"),
        help_text=_("Optional. It helps the counsellor prepare."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        help_text=_("The counsellor calls it if the connection drops."),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    remote_rules = forms.BooleanField(
        label=_(
            "I accept the technical rules of remote counselling and I will not "
            "record the meeting."
        ),
    )

    field_order = ["topic", "phone", "remote_rules", "interpreter", "other_needs"]

    def __init__(self, *args, remote=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not remote:
            del self.fields["phone"]
            del self.fields["remote_rules"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if len(digits) < 9 or any(c not in "0123456789 +-()" for c in phone):
            raise forms.ValidationError(
                _("Enter a phone number, for example 600 100 200.")
            )
        return phone


class SignupForm(NeedsForm):
    pass


class ComplaintForm(forms.Form):
    full_name = forms.CharField(
        label=_("Name and surname"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    address = forms.CharField(
        label=_("Address"),
        help_text=_("The decision can also be sent to you by post."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    justification = forms.CharField(
        label=_("What the complaint is about and why"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why would you like another counsellor?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class MoveForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
