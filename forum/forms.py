import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .markup import MAX_NESTING, nesting_depth, personal_data_found
from .models import Forum, ForumProfile, Report

MAX_BRACKETS = 100
# "Participant #12" is how the portal shows someone who has not chosen a name.
RESERVED = re.compile(r"#\s*\d+\s*$")
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
    """How the person appears in the forums: nothing is chosen for them."""

    shown_as = forms.ChoiceField(
        label=_("How do you want to appear in the forums?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to appear.")},
    )
    display_name = forms.CharField(
        label=_("Pseudonym"),
        min_length=3,
        max_length=40,
        required=False,
        help_text=_(
            "Only if you choose a pseudonym: 3 to 40 characters. Others see it with "
            "your posts. Do not use your e-mail address or phone number."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def __init__(self, *args, user, name_preview: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.name_preview = name_preview
        name_choice = (
            _("First name and surname initial: %(name)s") % {"name": name_preview}
            if name_preview
            else _("First name and surname initial (your account has no name yet)")
        )
        self.fields["shown_as"].choices = [
            (ForumProfile.ShownAs.PSEUDONYM, _("A pseudonym I type below")),
            (ForumProfile.ShownAs.NAME, name_choice),
        ]

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean(self):
        cleaned = super().clean()
        shown_as = cleaned.get("shown_as")
        if shown_as == ForumProfile.ShownAs.NAME and not self.name_preview:
            self.add_error(
                "shown_as",
                _("Your account has no first name: choose a pseudonym instead."),
            )
        if shown_as != ForumProfile.ShownAs.PSEUDONYM or "display_name" in self.errors:
            return cleaned
        name = cleaned.get("display_name", "")
        if not name:
            self.add_error("display_name", _("Type the pseudonym you want to use."))
        elif "@" in name or personal_data_found(name):
            self.add_error(
                "display_name",
                _("The pseudonym cannot contain an e-mail address or phone number."),
            )
        elif name.lower() == str(_("Deleted user")).lower() or RESERVED.search(name):
            self.add_error(
                "display_name",
                _("Names ending in # and a number are the portal's. Choose another.")
                if RESERVED.search(name)
                else _("This name is the portal's. Choose another one."),
            )
        elif (
            ForumProfile.objects.filter(display_name__iexact=name)
            .exclude(user=self.user)
            .exists()
        ):
            self.add_error("display_name", _("This name is taken. Choose another one."))
        return cleaned


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
