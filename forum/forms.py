from django import forms
from django.utils.translation import gettext_lazy as _

from .markup import MAX_NESTING, nesting_depth, personal_data_found
from .models import Forum, ForumProfile, Report

MAX_BRACKETS = 100
PERSONAL_DATA_LABELS = {
    "pesel": _("a PESEL number"),
    "phone": _("a phone number"),
    "email": _("an e-mail address"),
}


class PostBodyForm(forms.Form):
    """A post's text, with a warning before personal data is published."""

    body = forms.CharField(
        label=_("Your post"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5_000,
        help_text=_(
            "You can use **bold**, *italics*, lists, > quotations and links. "
            "Do not share anyone's personal data."
        ),
        error_messages={"required": _("Write something first.")},
    )
    confirm_personal_data = forms.BooleanField(
        label=_("I know, publish it as it is"), required=False
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        # Runs of brackets make Markdown's link parser slow; no real post needs them.
        if body.count("[") > MAX_BRACKETS:
            raise forms.ValidationError(_("The text has too many square brackets."))
        if nesting_depth(body) > MAX_NESTING:
            raise forms.ValidationError(
                _(
                    "Lists and quotations in the text are nested more than "
                    "%(limit)s levels deep. Flatten them and send the text again."
                ),
                params={"limit": MAX_NESTING},
                code="too_deep",
            )
        return body

    def clean(self):
        cleaned = super().clean()
        text = f"{cleaned.get('title', '')}\n{cleaned.get('body', '')}"
        found = personal_data_found(text)
        self.personal_data = [PERSONAL_DATA_LABELS[kind] for kind in found]
        if found and not cleaned.get("confirm_personal_data"):
            raise forms.ValidationError(
                _(
                    "Your text seems to contain %(what)s. Posts are visible to other "
                    "learners: remove it, or confirm that you want to publish it."
                )
                % {"what": ", ".join(str(label) for label in self.personal_data)},
                code="personal_data",
            )
        return cleaned


class TopicForm(PostBodyForm):
    field_order = ["title", "body", "confirm_personal_data"]

    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        error_messages={"required": _("Give the topic a title.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    comment = forms.CharField(
        label=_("Anything to add (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name shown in the forums"),
        min_length=3,
        max_length=40,
        help_text=_("Others see this name with your posts. Do not use your e-mail."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if "@" in name:
            raise forms.ValidationError(_("The name cannot contain an e-mail address."))
        taken = ForumProfile.objects.filter(display_name__iexact=name).exclude(
            user=self.user
        )
        if taken.exists():
            raise forms.ValidationError(_("This name is taken. Choose another one."))
        return name


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (written to the moderation log)"),
        max_length=300,
        error_messages={"required": _("Give a reason: it goes to the moderation log.")},
    )


class MuteForm(ModerationReasonForm):
    days = forms.IntegerField(
        label=_("For how many days"), min_value=1, max_value=365, initial=1
    )


class MoveForm(ModerationReasonForm):
    forum = forms.ModelChoiceField(
        label=_("Move to the forum of"), queryset=Forum.objects.select_related("course")
    )
