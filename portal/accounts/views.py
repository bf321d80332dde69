from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import permissions, services
from .forms import MyDataForm


@never_cache
@login_required
def my_data(request):
    user = request.user
    if not permissions.can_edit_own_data(user):
        raise PermissionDenied
    form = MyDataForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.user_update_details(user=user, **form.cleaned_data)
        messages.success(request, _("Your data has been saved."))
        return redirect("accounts:my_data")
    return TemplateResponse(
        request,
        "accounts/my_data.html",
        {
            "form": form,
            "primary_email": user.email,
            "acceptances": user.legal_acceptances.all(),
        },
    )
