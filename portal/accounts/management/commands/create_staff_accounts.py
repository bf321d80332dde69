from django.core.management.base import BaseCommand

from portal.accounts.roles import (
    CENTRE_MANAGER,
    COORDINATOR,
    COUNSELLOR,
    DATA_PROTECTION_OFFICER,
    EDITOR,
    MODERATOR,
)
from portal.accounts.services import staff_account_create

DEFAULT_DOMAIN = "kompetencjedlapracy.pl"

# Two editors: a page goes live only when a second one approves it. Two career
# counsellors, so that each sees only their own clients; the demo data makes them
# the centre's counsellors.
STAFF_ACCOUNTS = (
    (EDITOR, "redaktor", "Anna", "Wiśniewska"),
    (EDITOR, "redaktor2", "Tomasz", "Zieliński"),
    (DATA_PROTECTION_OFFICER, "iod", "Magdalena", "Krawczyk"),
    (MODERATOR, "moderator", "Paweł", "Lewandowski"),
    (COORDINATOR, "koordynator", "Katarzyna", "Mazur"),
    (COUNSELLOR, "doradca1", "Joanna", "Dąbrowska"),
    (COUNSELLOR, "doradca2", "Marek", "Kamiński"),
    (CENTRE_MANAGER, "kierownik-cpz", "Elżbieta", "Nowakowska"),
)
ADMINISTRATOR = (None, "administrator", "Jan", "Kowalczyk")


class Command(BaseCommand):
    help = (
        "Create the staff accounts (two Redaktor, then Inspektor ochrony danych, "
        "Moderator, Koordynator, two Doradca zawodowy and Kierownik CPZ) and print "
        "each generated password once. Running it again gives the same accounts new "
        "passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--domain", default=DEFAULT_DOMAIN)
        parser.add_argument(
            "--with-administrator",
            action="store_true",
            help="Also create a full administrator (superuser) account.",
        )

    def handle(self, *args, domain, with_administrator, **options):
        accounts = list(STAFF_ACCOUNTS)
        if with_administrator:
            accounts.append(ADMINISTRATOR)
        self.stdout.write("role\tname\te-mail\tpassword")
        for role, mailbox, first_name, last_name in accounts:
            user, password = staff_account_create(
                role=role,
                email=f"{mailbox}@{domain}",
                first_name=first_name,
                last_name=last_name,
            )
            if (user.first_name, user.last_name) != (first_name, last_name):
                # Accounts made by an earlier version bore the role as their name.
                user.first_name, user.last_name = first_name, last_name
                user.save(update_fields=["first_name", "last_name"])
            self.stdout.write(
                f"{role or 'Administrator'}\t{user.get_full_name()}\t"
                f"{user.email}\t{password}"
            )
        self.stdout.write(
            "\nThe passwords are shown only now. At the first sign-in to /admin/ each "
            "account sets up an authenticator app (TOTP)."
        )
