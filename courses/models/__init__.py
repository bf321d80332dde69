from .learning import (
    Attempt,
    Certificate,
    Enrollment,
    LearnerAccommodation,
    LessonCompletion,
)
from .pages import CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "Attempt",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LearnerAccommodation",
    "LessonCompletion",
    "LessonPage",
]
