from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from privacy.selectors import legal_settings

from .models import LegalDocument, PupOffice, User


class PupOfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def office_queryset(current=None):
    """Active offices, plus the one a person chose even if it is now inactive."""
    queryset = PupOffice.objects.for_signup()
    if current is not None:
        queryset = PupOffice.objects.filter(pk=current.pk) | queryset
        queryset = queryset.select_related("parent").order_by("name").distinct()
    return queryset


def document_label(sentence, name, page, version):
    """A checkbox label naming a document (linked to its page) and its version."""
    link = format_html('<a href="{}">{}</a>', page.url, name) if page else name
    return format_html(str(sentence) % {"link": "{}", "version": "{}"}, link, version)


class LearnerDetailsMixin(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Enter your last name.")},
    )
    status = forms.ChoiceField(
        label=_("Your status in the labour office"),
        choices=User.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _(
                "Choose whether you are registered as unemployed or as a job seeker."
            )
        },
    )
    pup_office = PupOfficeChoiceField(
        label=_("Labour office (PUP) where you are registered"),
        queryset=PupOffice.objects.none(),
        empty_label=_("— choose an office —"),
        error_messages={
            "required": _("Choose the labour office where you are registered."),
            "invalid_choice": _("Choose an office from the list."),
        },
    )


class SignupForm(LearnerDetailsMixin, AllauthSignupForm):
    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "status",
        "pup_office",
        "accept_terms",
        "accept_privacy",
    ]

    accept_terms = forms.BooleanField(
        error_messages={
            "required": _("You need to accept the terms of use to register.")
        },
    )
    accept_privacy = forms.BooleanField(
        error_messages={
            "required": _(
                "You need to confirm you have read the privacy notice to register."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.legal = legal_settings()
        self.fields["pup_office"].queryset = office_queryset()
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].error_messages["required"] = _(
            "Enter your e-mail address."
        )
        self.fields["email"].help_text = _(
            "It will be your login. We will send a link to confirm it."
        )
        for name in ("email", "password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["password1"].error_messages["required"] = _("Enter a password.")
        self.fields["password2"].error_messages["required"] = _("Repeat the password.")
        self.fields["accept_terms"].label = document_label(
            _("I accept the %(link)s (version %(version)s)."),
            _("terms of use"),
            self.legal.terms_page,
            self.legal.terms_version,
        )
        self.fields["accept_privacy"].label = document_label(
            _("I have read the %(link)s (version %(version)s)."),
            _("privacy notice"),
            self.legal.privacy_page,
            self.legal.privacy_version,
        )

    def full_clean(self):
        super().full_clean()
        # Keep what the person typed in the password fields unless it was the problem.
        keep = self.is_bound and not ({"password1", "password2"} & set(self.errors))
        for name in ("password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.render_value = keep

    def signup_details(self):
        return {
            "status": self.cleaned_data["status"],
            "pup_office": self.cleaned_data["pup_office"],
            "terms_version": self.legal.terms_version,
            "privacy_version": self.legal.privacy_version,
        }


class MyDataForm(LearnerDetailsMixin):
    """Rectification of one's own data; the e-mail changes through its own flow."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs.setdefault(
            "initial",
            {
                "first_name": user.first_name,
                "last_name": user.last_name,
                "status": user.status,
                "pup_office": user.pup_office_id,
            },
        )
        super().__init__(*args, **kwargs)
        if user.is_learner:
            self.fields["pup_office"].queryset = office_queryset(
                current=user.pup_office
            )
        else:
            del self.fields["status"]
            del self.fields["pup_office"]


class LabelledFieldsMixin:
    """Real labels instead of placeholders, and our wording for the e-mail field."""

    email_field = "email"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        if self.email_field in self.fields:
            self.fields[self.email_field].label = _("E-mail address")
            self.fields[self.email_field].error_messages["required"] = _(
                "Enter your e-mail address."
            )


class LoginForm(LabelledFieldsMixin, AllauthLoginForm):
    email_field = "login"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].error_messages["required"] = _("Enter your password.")


class ResetPasswordForm(LabelledFieldsMixin, AllauthResetPasswordForm):
    pass


class ResetPasswordKeyForm(LabelledFieldsMixin, AllauthResetPasswordKeyForm):
    pass


class ChangePasswordForm(LabelledFieldsMixin, AllauthChangePasswordForm):
    pass


class AddEmailForm(LabelledFieldsMixin, AllauthAddEmailForm):
    pass


class AcceptDocumentsForm(forms.Form):
    """Acceptance of new versions of the terms or the privacy notice."""

    shown_versions = forms.CharField(widget=forms.HiddenInput)

    SENTENCES = {
        LegalDocument.TERMS: _(
            "I accept the new version: %(link)s (version %(version)s)."
        ),
        LegalDocument.PRIVACY: _(
            "I have read the new version: %(link)s (version %(version)s)."
        ),
    }

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending = pending
        for item in pending:
            self.fields[item.document] = forms.BooleanField(
                label=document_label(
                    self.SENTENCES[item.document], item.label, item.page, item.version
                ),
                error_messages={
                    "required": _("Tick the box to accept the new version.")
                },
            )

    def accepted_versions(self):
        return {item.document: item.version for item in self.pending}
