from django.core.management.base import BaseCommand

from courses.content_loader import courses_load


class Command(BaseCommand):
    help = "Create the catalogue and every course from courses/content/ not yet there."

    def handle(self, *args, **options):
        results = courses_load()
        created = sum(1 for _course, was_created in results if was_created)
        self.stdout.write(
            f"Courses: {created} created, {len(results) - created} already there."
        )
