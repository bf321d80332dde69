from django.core.management.base import BaseCommand

from portal.accounts.roles import ROLE_SLUGS
from portal.accounts.services import staff_account_create

DEFAULT_DOMAIN = "kompetencjedlapracy.pl"


class Command(BaseCommand):
    help = (
        "Create one staff account per role (Redaktor, Inspektor ochrony danych, "
        "Moderator, Koordynator) and print each generated password once. Running it "
        "again gives the same accounts new passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--domain", default=DEFAULT_DOMAIN)

    def handle(self, *args, domain, **options):
        self.stdout.write("role\te-mail\tpassword")
        for role, slug in ROLE_SLUGS.items():
            user, password = staff_account_create(
                role=role,
                email=f"{slug}@{domain}",
                first_name=role,
                last_name="(konto testowe)",
            )
            self.stdout.write(f"{role}\t{user.email}\t{password}")
        self.stdout.write(
            "\nThe passwords are shown only now. At the first sign-in to /admin/ each "
            "account sets up an authenticator app (TOTP)."
        )
