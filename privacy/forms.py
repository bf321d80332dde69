from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DataRequest


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=DataRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the type of request.")},
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For rectification, say what is wrong; for objection, say why."),
    )


class PublicDataRequestForm(DataRequestForm):
    field_order = ["name", "email", "kind", "details"]

    name = forms.CharField(
        label=_("Your name"),
        max_length=300,
        error_messages={"required": _("Tell us your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We will send a link to confirm the request to this address."),
        error_messages={"required": _("Enter your e-mail address.")},
    )


class ExtendForm(forms.Form):
    # Nothing is chosen in advance: the officer decides how long the person waits.
    months = forms.TypedChoiceField(
        label=_("Extend by"),
        choices=[(1, _("one month")), (2, _("two months"))],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose by how much to extend the time to answer.")
        },
    )
    reason = forms.CharField(
        label=_("Reasons (sent to the person)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("An extension cannot be saved without reasons.")},
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Answer, or reasons for refusal (sent to the person)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
