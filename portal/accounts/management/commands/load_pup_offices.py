from pathlib import Path

from django.core.management.base import BaseCommand

from portal.accounts.services import OFFICES_CSV, pup_offices_load


class Command(BaseCommand):
    help = "Create or update the labour offices from the CSV shipped with the project."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=OFFICES_CSV)

    def handle(self, *args, file, **options):
        result = pup_offices_load(path=file)
        self.stdout.write(
            f"Labour offices: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
