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
        parser.add_argument(
            "--with-administrator",
            action="store_true",
            help="Also create a full administrator (superuser) account.",
        )

    def handle(self, *args, domain, with_administrator, **options):
        accounts = [(role, f"{slug}@{domain}") for role, slug in ROLE_SLUGS.items()]
        if with_administrator:
            accounts.append((None, f"administrator@{domain}"))
        self.stdout.write("role\te-mail\tpassword")
        for role, email in accounts:
            user, password = staff_account_create(
                role=role,
                email=email,
                first_name=role or "Administrator",
                last_name="(konto testowe)",
            )
            self.stdout.write(f"{role or 'Administrator'}\t{user.email}\t{password}")
        self.stdout.write(
            "\nThe passwords are shown only now. At the first sign-in to /admin/ each "
            "account sets up an authenticator app (TOTP)."
        )
