"""Views of courses. Rules live in services, rules and permissions; these present them.

The course pages' routes (courses.models.pages) and courses.urls hand over to the
functions named here.
"""

from .certificates import (
    certificate_html,
    certificate_pdf,
    certificate_verify,
    dashboard,
)
from .end_test import test_finish, test_overview, test_result, test_take
from .learning import (
    course_detail,
    course_enroll,
    lesson_check,
    lesson_detail,
    lesson_mark_done,
)

__all__ = [
    "certificate_html",
    "certificate_pdf",
    "certificate_verify",
    "course_detail",
    "course_enroll",
    "dashboard",
    "lesson_check",
    "lesson_detail",
    "lesson_mark_done",
    "test_finish",
    "test_overview",
    "test_result",
    "test_take",
]
