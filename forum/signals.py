from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import CoursePage

from .services import forum_for_course


@receiver(post_save, sender=CoursePage)
def create_the_course_forum(sender, instance, created, raw=False, **kwargs):
    """Every course has its forum from the moment the course exists."""
    if created and not raw:
        forum_for_course(course=instance)
