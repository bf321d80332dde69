import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.requests import RequestSite

from . import services


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render the message now and let a Celery task deliver it (with retries)."""
        request = allauth_context.request
        site = RequestSite(request)
        site.name = settings.WAGTAIL_SITE_NAME
        ctx = {"request": request, "email": email, "current_site": site}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        services.email_enqueue(message=message)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit and hasattr(form, "signup_details"):
            services.user_complete_signup(user=user, **form.signup_details())
        return user

    def is_reauthentication_required(self, *, app, **kwargs):
        """Count a sign-in from the last few minutes as a fresh confirmation.

        Staff are sent to set up TOTP straight after their first sign-in; asking
        for the password again a few seconds later adds nothing.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = allauth_context.request
        records = get_authentication_records(request, getattr(request, "user", None))
        if records:
            age = time.time() - records[-1]["at"]
            return age >= settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
        return True
