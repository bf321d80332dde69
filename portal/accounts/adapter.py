from allauth.account.adapter import DefaultAccountAdapter
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
