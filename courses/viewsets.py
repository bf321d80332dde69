from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from . import permissions
from .admin_views import statistics
from .models import LearnerAccommodation

PROGRAMME_MENU = "register_programme_menu_item"


class LearnerByEmailField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.email


class AccommodationForm(WagtailAdminModelForm):
    """Pick the learner by e-mail: the list of all learners is too long for a select."""

    user = LearnerByEmailField(
        label=_("Learner's e-mail address"),
        queryset=get_user_model().objects.filter(is_staff=False),
        to_field_name="email",
        widget=forms.EmailInput,
        error_messages={"invalid_choice": _("No learner has this e-mail address.")},
    )

    class Meta:
        model = LearnerAccommodation
        fields = ["user", "extra_time_percent", "no_time_limit", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extra_time_percent"].required = False
        if self.instance.pk:
            self.initial["user"] = self.instance.user.email

    def clean_extra_time_percent(self):
        return self.cleaned_data.get("extra_time_percent") or 0

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("no_time_limit") and not cleaned.get("extra_time_percent"):
            self.add_error(
                "extra_time_percent",
                _("Give the extra time, or turn the time limit off."),
            )
        return cleaned


class AccommodationViewSet(ModelViewSet):
    model = LearnerAccommodation
    icon = "time"
    menu_label = _("Test accommodations")
    menu_hook = PROGRAMME_MENU
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "user",
        "extra_time_percent",
        Column(
            "no_time_limit",
            label=_("No time limit"),
            accessor=lambda accommodation: (
                _("yes") if accommodation.no_time_limit else _("no")
            ),
        ),
        "reason",
    ]
    search_fields = ["user__email", "user__last_name"]
    # The panels build the form: the e-mail lookup comes in as their base form.
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("extra_time_percent"),
            FieldPanel("no_time_limit"),
            FieldPanel("reason"),
        ],
        base_form_class=AccommodationForm,
    )


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_statistics(request.user)


class StatisticsViewSet(ViewSet):
    name = "programme_statistics"
    icon = "table"
    menu_label = _("Statistics")
    menu_hook = PROGRAMME_MENU
    menu_item_class = StatisticsMenuItem

    def get_urlpatterns(self):
        return [path("", statistics, name="index")]
