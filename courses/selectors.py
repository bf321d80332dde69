"""Reads in courses that cross relations, built for a constant number of queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from . import rules
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
    # The end test's state, once the lessons are done and until it is passed.
    test: rules.TestStatus | None = None

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


def _test_states(cards, user, now) -> None:
    """Give each card whose lessons are done the state of its end test (rules 1-4).

    One query for all the attempts; no lesson check is written from here (the test
    pages do that), so a card counts its own finished lessons.
    """
    attempts = defaultdict(list)
    for attempt in Attempt.objects.filter(
        enrollment__user=user, enrollment__course__in=[c.course for c in cards]
    ).order_by("number"):
        attempts[attempt.enrollment_id].append(attempt)
    for card in cards:
        enrollment = card.enrollment
        lessons_done = enrollment.lessons_completed_at is not None or (
            card.lesson_count and card.done_count >= card.lesson_count
        )
        if lessons_done and not enrollment.passed_at:
            card.test = rules.test_status(
                course=card.course,
                attempts=attempts[enrollment.pk],
                lessons_done=True,
                now=now,
            )


def dashboard_for(*, user, now=None) -> dict:
    """The learner's courses in progress and finished, and their certificates."""
    courses = CoursePage.objects.live().filter(enrollments__user=user).order_by("path")
    cards = _cards(list(courses), user)
    _test_states(cards, user, now or timezone.now())
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


def learning_counts(*, previous_start, current_start) -> dict:
    """Enrolments, passed tests and issued certificates in the previous and the
    current period. Two aggregate queries; learners whose processing is restricted
    are left out (RODO art. 18), as in the programme statistics."""
    previous = {"gte": previous_start, "lt": current_start}
    enrollments = Enrollment.objects.exclude(user__processing_restricted=True)
    counts = enrollments.filter(
        Q(enrolled_at__gte=previous_start) | Q(passed_at__gte=previous_start)
    ).aggregate(
        enrolments_previous=Count("pk", filter=_between("enrolled_at", **previous)),
        enrolments_current=Count("pk", filter=Q(enrolled_at__gte=current_start)),
        passes_previous=Count("pk", filter=_between("passed_at", **previous)),
        passes_current=Count("pk", filter=Q(passed_at__gte=current_start)),
    )
    counts.update(
        Certificate.objects.exclude(enrollment__user__processing_restricted=True)
        .filter(issued_at__gte=previous_start)
        .aggregate(
            certificates_previous=Count("pk", filter=_between("issued_at", **previous)),
            certificates_current=Count("pk", filter=Q(issued_at__gte=current_start)),
        )
    )
    return counts


def _between(field_name, *, gte, lt) -> Q:
    return Q(**{f"{field_name}__gte": gte, f"{field_name}__lt": lt})
