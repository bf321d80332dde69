import time
from datetime import UTC, datetime

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.core.http import client_ip
from portal.core.mail import email_enqueue

from . import permissions, security, services

# Where a new learner starts: the courses, named by URL so that accounts need not
# import the courses app.
LEARNER_START = "courses:dashboard"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render the message now and let a Celery task deliver it (with retries)."""
        request = allauth_context.request
        site = RequestSite(request)
        site.name = settings.WAGTAIL_SITE_NAME
        ctx = {"request": request, "email": email, "current_site": site}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        email_enqueue(message=message)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit and hasattr(form, "signup_details"):
            services.user_complete_signup(user=user, **form.signup_details())
        return user

    def get_signup_redirect_url(self, request):
        """Confirming the address signs the new learner in: start at the courses.

        A `next` given with the sign-up or the confirmation wins over this.
        """
        return resolve_url(LEARNER_START)

    def get_email_verification_redirect_url(self, email_address):
        """Confirmed in another browser: sign in, then go on to the courses.

        Signed in, the person confirmed a changed address and goes back to their
        data, as before.
        """
        if self.request.user.is_authenticated:
            return super().get_email_verification_redirect_url(email_address)
        query = urlencode({"next": resolve_url(LEARNER_START)})
        return f"{reverse('account_login')}?{query}"

    # Failed sign-ins (the policy: portal.accounts.security) ----------------------

    def pre_authenticate(self, request, **credentials):
        if security.sign_in_refused(request, credentials):
            raise ValidationError(
                _(
                    "Many failed attempts to sign in to this account came from other "
                    "places, so for now it can be signed in to only from networks it "
                    "was used from before. Try again in an hour."
                ),
                code="too_many_login_attempts",
            )
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials):
        security.sign_in_failure_record(request, credentials)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """allauth limits failed passwords per this key: make it the account at
        this address, so that failures elsewhere never lock the owner out. The
        second factor's codes keep allauth's own key, one per account."""
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}@{client_ip(request)}"

    def login(self, request, user):
        super().login(request, user)
        security.sign_in_address_remember(request=request, user=user)

    def is_reauthentication_required(self, *, app, **kwargs):
        """Let a fresh sign-in stand for the password when setting up a first TOTP.

        Staff are sent to set up TOTP straight after their first sign-in; asking
        for the password again a few seconds later, to show the recovery codes,
        adds nothing. An authenticator that was there before this sign-in is
        changed only after the password is given again.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = allauth_context.request
        user = getattr(request, "user", None)
        passwords = [
            record["at"]
            for record in get_authentication_records(request, user)
            if record.get("method") == "password"
        ]
        if not passwords:
            return True
        signed_in_at = passwords[-1]
        if time.time() - signed_in_at >= settings.ACCOUNT_REAUTHENTICATION_TIMEOUT:
            return True
        # Authenticators set up since the password was given (a first TOTP and
        # the recovery codes shown right after it) do not call for it again;
        # activating TOTP records an "mfa" sign-in, which is not a password.
        return Authenticator.objects.filter(
            user_id=getattr(user, "pk", None),
            created_at__lt=datetime.fromtimestamp(signed_in_at, tz=UTC),
        ).exists()


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """Staff cannot switch off the second factor that guards the admin."""
        return not permissions.must_use_two_factor(authenticator.user)
