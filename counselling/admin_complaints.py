"""The Kierownik CPZ's complaint screens: the list, registering one that came by
post, fax, e-mail or in person, and a complaint's page with more time, the
decision, the posting date and the log (§ 7 of the centre's rules)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.audit import audit_record
from portal.core.models import AuditEntry

from . import complaint_selectors, permissions, rules
from .models import Complaint
from .services.complaints import (
    ComplaintError,
    complaint_decide,
    complaint_extend,
    complaint_mark_posted,
    complaint_register,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
STAFF_CHANNELS = [
    choice for choice in Complaint.Channel.choices if choice[0] != "online"
]


class ComplaintRegisterForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Name and surname"), max_length=200)
    address = forms.CharField(
        label=gettext_lazy("Address"),
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        required=False,
        help_text=gettext_lazy("The decision is also e-mailed when it is given."),
    )
    service_name = forms.CharField(label=gettext_lazy("Service"), max_length=200)
    service_date = forms.DateField(
        label=gettext_lazy("Date of the service"), widget=DATE_INPUT
    )
    service_place = forms.CharField(
        label=gettext_lazy("Place of the service"), max_length=200
    )
    justification = forms.CharField(
        label=gettext_lazy("What the complaint is about and why"),
        max_length=5000,
        widget=forms.Textarea({"rows": 6}),
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("How it came in"), choices=STAFF_CHANNELS
    )
    received_on = forms.DateField(
        label=gettext_lazy("Date received"),
        help_text=gettext_lazy(
            "The postmark, or the day the fax, the e-mail or the person came in."
        ),
        widget=DATE_INPUT,
    )

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > rules.local_date(timezone.now()):
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received_on


class ExtendForm(forms.Form):
    new_due_on = forms.DateField(label=gettext_lazy("New due date"), widget=DATE_INPUT)
    reason = forms.CharField(
        label=gettext_lazy("Reason for more time"),
        help_text=gettext_lazy(
            "For example legal advice or an expert's opinion. The client is told."
        ),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
    )


class DecideForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            choice
            for choice in Complaint.Status.choices
            if choice[0] != Complaint.Status.OPEN
        ],
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label=gettext_lazy("Decision and its justification"),
        help_text=gettext_lazy(
            "Sent to the client. To leave a complaint unexamined, give the ground: "
            "filed late, or it rests on not knowing the rules."
        ),
        max_length=5000,
        widget=forms.Textarea({"rows": 5}),
    )
    corrective_action = forms.CharField(
        label=gettext_lazy("Corrective action agreed with the client"),
        help_text=gettext_lazy("Required when the complaint is upheld."),
        required=False,
        max_length=5000,
        widget=forms.Textarea({"rows": 3}),
    )
    posted_on = forms.DateField(
        label=gettext_lazy("Decision sent by post on"),
        required=False,
        widget=DATE_INPUT,
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Complaint.Status.UPHELD
            and not cleaned.get("corrective_action", "").strip()
        ):
            self.add_error(
                "corrective_action",
                _("Describe the corrective action agreed with the client."),
            )
        return cleaned


class PostedForm(forms.Form):
    posted_on = forms.DateField(
        label=gettext_lazy("Decision sent by post on"), widget=DATE_INPUT
    )


def _require_manager(request):
    if not permissions.is_centre_manager(request.user):
        raise PermissionDenied


def complaints_index(request):
    _require_manager(request)
    status = request.GET.get("status", "")
    if status not in Complaint.Status.values:
        status = ""
    today = rules.local_date(timezone.now())
    complaints = list(complaint_selectors.complaints_for_manager(status=status))
    for complaint in complaints:
        complaint.days_left = complaint_selectors.days_left(complaint, today)
        complaint.overdue = -complaint.days_left if complaint.days_left else 0
    return TemplateResponse(
        request,
        "counselling/admin/complaints.html",
        {
            "complaints": complaints,
            "status": status,
            "statuses": Complaint.Status.choices,
        },
    )


def complaint_add(request):
    _require_manager(request)
    form = ComplaintRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        complaint = complaint_register(actor=request.user, **form.cleaned_data)
        audit_record(
            request=request,
            action=AuditEntry.Action.CHANGE,
            obj=complaint,
            description="complaint registered",
        )
        messages.success(request, _("The complaint has been registered."))
        return redirect("counselling_complaints_detail", complaint.pk)
    return TemplateResponse(
        request, "counselling/admin/complaints_add.html", {"form": form}
    )


ACTIONS = {
    "extend": (
        ExtendForm,
        complaint_extend,
        gettext_lazy("The due date has been extended."),
    ),
    "decide": (
        DecideForm,
        complaint_decide,
        gettext_lazy("The decision has been recorded."),
    ),
    "posted": (
        PostedForm,
        complaint_mark_posted,
        gettext_lazy("The posting date has been recorded."),
    ),
}


def complaint_detail(request, pk):
    _require_manager(request)
    complaint = get_object_or_404(Complaint, pk=pk)
    forms_by_action = {name: spec[0](prefix=name) for name, spec in ACTIONS.items()}
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ACTIONS:
        form_class, service, done = ACTIONS[action]
        form = form_class(request.POST, prefix=action)
        forms_by_action[action] = form
        if form.is_valid():
            try:
                service(complaint=complaint, actor=request.user, **form.cleaned_data)
            except ComplaintError as error:
                form.add_error(None, str(error))
            else:
                audit_record(
                    request=request,
                    action=AuditEntry.Action.CHANGE,
                    obj=complaint,
                    description=f"complaint {action}",
                )
                messages.success(request, done)
                return redirect("counselling_complaints_detail", complaint.pk)
    else:
        audit_record(request=request, action=AuditEntry.Action.VIEW, obj=complaint)
    today = rules.local_date(timezone.now())
    return TemplateResponse(
        request,
        "counselling/admin/complaints_detail.html",
        {
            "complaint": complaint,
            "days_left": complaint_selectors.days_left(complaint, today),
            "log": complaint_selectors.complaint_log(complaint),
            "extend_form": forms_by_action["extend"],
            "decide_form": forms_by_action["decide"],
            "posted_form": forms_by_action["posted"],
        },
    )


def admin_urls():
    return [
        path(
            "poradnictwo/zastrzezenia/",
            complaints_index,
            name="counselling_complaints_index",
        ),
        path(
            "poradnictwo/zastrzezenia/nowe/",
            complaint_add,
            name="counselling_complaints_add",
        ),
        path(
            "poradnictwo/zastrzezenia/<int:pk>/",
            complaint_detail,
            name="counselling_complaints_detail",
        ),
    ]
