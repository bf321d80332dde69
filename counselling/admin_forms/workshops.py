"""Workshop dates and counsellor profiles: the viewsets' forms and the manager's
actions on a date."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.accounts.roles import COUNSELLOR

from ..models import Signup, Workshop
from .common import LOCKED_HELP, MOVE_HELP, datetime_input


class OrganiserReasonForm(forms.Form):
    """The only reasons the rules let the centre cancel or move a service for."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=Workshop.CancelReason.choices,
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
    which tells everyone signed up. Once people are signed up, they were told where
    and with whom: place and leader are locked, and places cannot drop below those
    held."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.held = 0
        if not self.instance.pk:
            return
        self._lock(("starts_at", "ends_at"), MOVE_HELP)
        signups = self.instance.signups
        if signups.filter(status__in=Signup.LIVE).exists():
            self._lock(("location", "room", "leader"), LOCKED_HELP)
        self.held = signups.filter(status__in=Signup.HOLDS_PLACE).count()

    def _lock(self, names, help_text):
        for name in names:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = help_text

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
        if capacity is not None and capacity < self.held:
            self.add_error(
                "capacity",
                _("%(held)d places are taken or offered; there cannot be fewer.")
                % {"held": self.held},
            )
        return cleaned
