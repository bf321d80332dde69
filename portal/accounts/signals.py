from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver

from .two_factor import setup_next_remember


@receiver(authenticator_added)
def count_new_authenticator_as_second_factor(
    sender, request, user, authenticator, **kw
):
    """A freshly confirmed TOTP code proves the second factor for this session."""
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type="totp")
        setup_next_remember(request, user)
