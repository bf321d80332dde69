from django.core.management.base import BaseCommand

from portal.pages.demo import demo_content_load


class Command(BaseCommand):
    help = "Create the portal's demo pages, menus and legal settings where missing."

    def handle(self, *args, **options):
        pages = demo_content_load()
        self.stdout.write(f"Demo content in place: {len(pages)} pages.")
