"""Reads in courses that cross relations, built for a constant number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth

from .models import (
    Attempt,
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
)


@dataclass
class CourseCard:
    course: CoursePage
    lesson_count: int
    enrollment: Enrollment | None = None
    done_count: int = 0
    certificate: Certificate | None = None

    @property
    def percent(self):
        if not self.lesson_count:
            return 0
        return round(100 * self.done_count / self.lesson_count)


def _lesson_counts(courses) -> Counter:
    paths = {course.path: course.pk for course in courses}
    counts = Counter()
    if not paths:
        return counts
    depth = next(iter(courses)).depth + 1
    for path in (
        LessonPage.objects.live().filter(depth=depth).values_list("path", flat=True)
    ):
        course_pk = paths.get(path[: -LessonPage.steplen])
        if course_pk:
            counts[course_pk] += 1
    return counts


def _cards(courses, user) -> list[CourseCard]:
    counts = _lesson_counts(courses)
    cards = {course.pk: CourseCard(course, counts[course.pk]) for course in courses}
    if user.is_authenticated and cards:
        enrollments = Enrollment.objects.filter(user=user, course__in=list(cards))
        for enrollment in enrollments.select_related("certificate"):
            card = cards[enrollment.course_id]
            card.enrollment = enrollment
            card.certificate = getattr(enrollment, "certificate", None)
        done = Counter(
            LessonCompletion.objects.filter(
                enrollment__user=user,
                lesson__live=True,
                enrollment__course__in=list(cards),
            ).values_list("enrollment__course_id", flat=True)
        )
        for course_pk, number in done.items():
            cards[course_pk].done_count = number
    return list(cards.values())


def catalogue_for(*, index_page, user) -> list[CourseCard]:
    courses = CoursePage.objects.child_of(index_page).live().order_by("path")
    return _cards(list(courses), user)


def dashboard_for(*, user) -> dict:
    """The learner's courses in progress and finished, and their certificates."""
    courses = CoursePage.objects.live().filter(enrollments__user=user).order_by("path")
    cards = _cards(list(courses), user)
    return {
        "in_progress": [c for c in cards if not c.enrollment.passed_at],
        "finished": [c for c in cards if c.enrollment.passed_at],
        "certificates": [c.certificate for c in cards if c.certificate],
        "catalogue": CourseIndexPage.objects.live().first(),
    }


@dataclass
class CourseProgress:
    lessons: list
    enrollment: Enrollment | None
    done_ids: set = field(default_factory=set)

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if lesson.pk in self.done_ids)

    @property
    def percent(self):
        return round(100 * self.done_count / len(self.lessons)) if self.lessons else 0

    def next_lesson(self):
        return next((ls for ls in self.lessons if ls.pk not in self.done_ids), None)


def course_progress(*, course, user) -> CourseProgress:
    lessons = list(course.lessons())
    enrollment = None
    done = set()
    if user.is_authenticated:
        enrollment = (
            Enrollment.objects.filter(user=user, course=course)
            .select_related("certificate")
            .first()
        )
        if enrollment:
            done = set(enrollment.completions.values_list("lesson_id", flat=True))
    return CourseProgress(lessons=lessons, enrollment=enrollment, done_ids=done)


# Programme statistics --------------------------------------------------------------

DIMENSIONS = {
    "course": ("course__title", "course__path"),
    "office": ("user__pup_office__name", "user__pup_office__name"),
    "status": ("user__status", "user__status"),
    "month": ("month", "month"),
}


def programme_statistics(*, dimension: str, date_from=None, date_to=None) -> list[dict]:
    """Counts of enrolments, completions, passes and certificates, grouped.

    Aggregates only: no row names a person. `date_from`/`date_to` bound the date of
    enrolment; the month is the month of enrolment.
    """
    field, ordering = DIMENSIONS[dimension]
    enrollments = Enrollment.objects.exclude(user__processing_restricted=True)
    if date_from:
        enrollments = enrollments.filter(enrolled_at__date__gte=date_from)
    if date_to:
        enrollments = enrollments.filter(enrolled_at__date__lte=date_to)
    enrollments = enrollments.annotate(
        month=TruncMonth("enrolled_at"),
        attempted=Exists(Attempt.objects.filter(enrollment=OuterRef("pk"))),
    )
    rows = (
        enrollments.values(field)
        .annotate(
            enrolments=Count("pk"),
            completions=Count("lessons_completed_at"),
            attempted_count=Count("pk", filter=Q(attempted=True)),
            passes=Count("passed_at"),
            certificates=Count("certificate"),
        )
        .order_by(ordering)
    )
    result = []
    for row in rows:
        attempted = row.pop("attempted_count")
        row["label"] = row.pop(field)
        row["pass_rate"] = round(100 * row["passes"] / attempted) if attempted else None
        result.append(row)
    return result


def certificate_for_code(raw_code: str):
    """The certificate with this verification code, typed in any case or grouping."""
    code = "".join(ch for ch in raw_code.upper() if ch.isalnum())
    if len(code) != 12:
        return None
    return (
        Certificate.objects.filter(verification_code=code)
        .only("number", "full_name", "course_title", "issued_at")
        .first()
    )


def certificate_of(enrollment):
    return Certificate.objects.filter(enrollment=enrollment).first()


def certificate_ids_pending(*, issued_before, claimed_before) -> list[int]:
    """Certificates still waiting for a PDF that no render has claimed since."""
    return list(
        Certificate.objects.filter(
            Q(render_started_at__isnull=True) | Q(render_started_at__lt=claimed_before),
            status=Certificate.Status.PENDING,
            issued_at__lt=issued_before,
        ).values_list("pk", flat=True)
    )
