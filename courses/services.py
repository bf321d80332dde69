"""Writes in courses: enrolment, progress, test attempts and certificates."""

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .blocks import QuestionKind
from .models import Attempt, Certificate, Enrollment, LessonCompletion

# A submission that arrives this long after the deadline still counts: the time it
# takes to press the button and for the request to travel.
DEADLINE_GRACE = timedelta(seconds=30)
_random = random.SystemRandom()


class TestRuleError(Exception):
    """An action on the end test that its rules do not allow, with the reason."""


# Enrolment and lessons -------------------------------------------------------------


def enrollment_create(*, user, course) -> Enrollment:
    enrollment, _created = Enrollment.objects.get_or_create(user=user, course=course)
    return enrollment


@transaction.atomic
def lesson_complete(*, enrollment, lesson) -> LessonCompletion:
    """Mark a lesson done; when it was the last one, the course's lessons are done.

    The enrolment row is locked, so two lessons finished at the same moment (two
    tabs) cannot both miss that the other one was the last.
    """
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    completion, _created = LessonCompletion.objects.get_or_create(
        enrollment=locked, lesson=lesson
    )
    enrollment_lessons_check(enrollment=locked)
    enrollment.lessons_completed_at = locked.lessons_completed_at
    return completion


def enrollment_lessons_check(*, enrollment) -> bool:
    """Record that every live lesson is done, if it is; return whether it is.

    Also called when the test is opened, so that a lesson unpublished after the
    learner finished the others does not keep the test closed.
    """
    if enrollment.lessons_completed_at is not None:
        return True
    lesson_ids = set(enrollment.course.lessons().values_list("pk", flat=True))
    done = set(enrollment.completions.values_list("lesson_id", flat=True))
    if lesson_ids and lesson_ids <= done:
        enrollment.lessons_completed_at = timezone.now()
        enrollment.save(update_fields=["lessons_completed_at"])
        return True
    return False


# The end test ----------------------------------------------------------------------


@dataclass(frozen=True)
class TestStatus:
    """What a learner may do with the end test now, and why not if not."""

    can_start: bool
    reason: str = ""
    open_attempt: Attempt | None = None
    attempts_used: int = 0
    attempts_left: int | None = None
    available_from: object = None
    attempts: tuple = ()


def test_status(*, enrollment, now=None) -> TestStatus:
    now = now or timezone.now()
    course = enrollment.course
    attempts = list(enrollment.attempts.order_by("number"))
    open_attempt = next((a for a in attempts if a.is_open), None)
    used = len(attempts)
    left = None if not course.max_attempts else max(course.max_attempts - used, 0)
    common = {
        "attempts": tuple(attempts),
        "open_attempt": open_attempt,
        "attempts_used": used,
        "attempts_left": left,
    }
    if open_attempt is not None:
        return TestStatus(
            can_start=False, reason=_("You have a test in progress."), **common
        )
    if not enrollment_lessons_check(enrollment=enrollment):
        return TestStatus(
            can_start=False,
            reason=_("The test opens when you have completed all the lessons."),
            **common,
        )
    if left == 0:
        return TestStatus(
            can_start=False, reason=_("You have used all your attempts."), **common
        )
    last = attempts[-1] if attempts else None
    if last is not None and not last.passed and course.cooldown_minutes:
        available_from = last.submitted_at + timedelta(minutes=course.cooldown_minutes)
        if now < available_from:
            return TestStatus(
                can_start=False,
                reason=_("You can try again after the break between attempts."),
                available_from=available_from,
                **common,
            )
    return TestStatus(can_start=True, **common)


def _draw_questions(course) -> list[dict]:
    pool = list(course.questions)
    chosen = _random.sample(pool, min(course.questions_per_attempt, len(pool)))
    snapshot = []
    for block in chosen:
        value = block.value
        answers = [
            {
                "id": item.id,
                "text": item.value["text"],
                "correct": item.value["correct"],
            }
            for item in value["answers"].bound_blocks
        ]
        if value["kind"] != QuestionKind.TRUE_FALSE:
            _random.shuffle(answers)
        snapshot.append(
            {
                "id": block.id,
                "kind": value["kind"],
                "text": value["question"],
                "explanation": value["explanation"],
                "answers": answers,
            }
        )
    return snapshot


def time_allowed(course, user) -> timedelta | None:
    """The learner's time for one attempt: course limit and accommodation."""
    if not course.time_limit_minutes:
        return None
    accommodation = getattr(user, "accommodation", None)
    if accommodation is not None and accommodation.no_time_limit:
        return None
    extra = accommodation.extra_time_percent if accommodation is not None else 0
    return timedelta(minutes=course.time_limit_minutes * (100 + extra) / 100)


@transaction.atomic
def attempt_start(*, enrollment, now=None) -> Attempt:
    """Start an attempt, or return the one in progress (a second tab resumes it)."""
    now = now or timezone.now()
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    attempt_expire_if_due(enrollment=enrollment, now=now)
    status = test_status(enrollment=enrollment, now=now)
    if status.open_attempt is not None:
        return status.open_attempt
    if not status.can_start:
        raise TestRuleError(status.reason)
    allowed = time_allowed(enrollment.course, enrollment.user)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                enrollment=enrollment,
                number=status.attempts_used + 1,
                deadline=now + allowed if allowed else None,
                questions=_draw_questions(enrollment.course),
            )
    except IntegrityError as error:  # a parallel request won the race
        raise TestRuleError(_("You have a test in progress.")) from error


def _clean_responses(attempt, responses) -> dict:
    """Keep only answers that belong to the questions shown, in their allowed number."""
    cleaned = {}
    for question in attempt.questions:
        allowed = {answer["id"] for answer in question["answers"]}
        chosen = [a for a in responses.get(question["id"], []) if a in allowed]
        if question["kind"] != QuestionKind.MULTIPLE:
            chosen = chosen[:1]
        if chosen:
            cleaned[question["id"]] = sorted(set(chosen))
    return cleaned


def _locked_open_attempt(attempt) -> Attempt:
    attempt = (
        Attempt.objects.select_for_update()
        .select_related("enrollment")
        .get(pk=attempt.pk)
    )
    if not attempt.is_open:
        raise TestRuleError(_("This attempt has already been submitted."))
    return attempt


@transaction.atomic
def attempt_save(*, attempt, responses, now=None) -> Attempt:
    """Keep the answers given so far, so an interrupted attempt can be resumed."""
    now = now or timezone.now()
    attempt = _locked_open_attempt(attempt)
    if attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
        return _grade(attempt, attempt.responses, now)
    attempt.responses = _clean_responses(attempt, responses)
    attempt.save(update_fields=["responses"])
    return attempt


@transaction.atomic
def attempt_submit(*, attempt, responses, now=None) -> Attempt:
    """Grade an attempt once; a replayed or late submission changes nothing."""
    now = now or timezone.now()
    attempt = _locked_open_attempt(attempt)
    if attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
        responses = attempt.responses
    else:
        responses = _clean_responses(attempt, responses)
    return _grade(attempt, responses, now)


def _grade(attempt, responses, now) -> Attempt:
    attempt.responses = responses
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = now
    total = len(attempt.questions)
    correct = sum(
        1
        for question in attempt.questions
        if set(responses.get(question["id"], []))
        == {answer["id"] for answer in question["answers"] if answer["correct"]}
    )
    attempt.score_percent = round(100 * correct / total) if total else 0
    course = attempt.enrollment.course
    # Compare exact counts: 59.5% rounds to 60 on screen but does not pass 60%.
    attempt.passed = bool(total) and 100 * correct >= course.pass_mark_percent * total
    attempt.save()
    if attempt.passed:
        enrollment = attempt.enrollment
        if enrollment.passed_at is None:
            enrollment.passed_at = now
            enrollment.save(update_fields=["passed_at"])
        certificate_issue(enrollment=enrollment, now=now)
    return attempt


def attempt_expire_if_due(*, enrollment, now=None) -> Attempt | None:
    """Submit an abandoned timed attempt whose time is up, with the saved answers."""
    now = now or timezone.now()
    attempt = enrollment.attempts.filter(status=Attempt.Status.IN_PROGRESS).first()
    if attempt and attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
        # Closed as of its deadline, so the break before the next attempt counts
        # from then, not from the day the learner came back.
        with transaction.atomic():
            attempt = _locked_open_attempt(attempt)
            return _grade(attempt, attempt.responses, attempt.deadline + DEADLINE_GRACE)
    return None


# Certificates ----------------------------------------------------------------------


@transaction.atomic
def certificate_issue(*, enrollment, now=None) -> Certificate:
    """Issue the course's certificate once; render it in the background."""
    from .tasks import certificate_render_task

    now = now or timezone.now()
    certificate, created = Certificate.objects.get_or_create(
        enrollment=enrollment,
        defaults={
            "full_name": enrollment.user.get_full_name(),
            "course_title": enrollment.course.title,
            "issued_at": now,
        },
    )
    if created:
        certificate.number = f"KDP-{now:%Y}-{certificate.pk:06d}"
        certificate.save(update_fields=["number"])
        transaction.on_commit(lambda: certificate_render_task.delay(certificate.pk))
    return certificate


def certificate_render_again(*, certificate) -> None:
    """Queue the rendering of a certificate that is not ready, once a minute at most."""
    from django.core.cache import cache

    from .tasks import certificate_render_task

    if certificate.status == Certificate.Status.READY and certificate.pdf:
        return
    if cache.add(f"certificate-render:{certificate.pk}", 1, 60):
        transaction.on_commit(lambda: certificate_render_task.delay(certificate.pk))


def check_question_grade(*, question, chosen: set) -> bool:
    """An in-lesson check: right only when exactly the correct answers are chosen."""
    correct = {
        item.id for item in question["answers"].bound_blocks if item.value["correct"]
    }
    return set(chosen) == correct


# Public verification --------------------------------------------------------------

VERIFICATION_LIMIT = 20
VERIFICATION_WINDOW = 60 * 10


def verification_lookup_allowed(*, client_key: str) -> bool:
    """Count a code lookup from one address; refuse past the limit in the window."""
    from portal.accounts.security import rate_limit_allow

    return rate_limit_allow(
        key=f"certificate-verify:{client_key}",
        limit=VERIFICATION_LIMIT,
        window=VERIFICATION_WINDOW,
    )


# Course content from files ---------------------------------------------------------


def _markdown_html(text: str) -> str:
    import markdown

    return markdown.markdown(text.strip(), output_format="html")


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _question_value(data) -> dict:
    return {
        "kind": data["kind"],
        "question": data["question"].strip(),
        "explanation": data["explanation"].strip(),
        "answers": [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {"text": answer["text"].strip(), "correct": answer["correct"]},
            }
            for answer in data["answers"]
        ],
    }


def lesson_body_blocks(markdown_text: str, checks: list) -> list:
    """Turn a lesson's Markdown into blocks: a heading per `## ` section, then text.

    The check questions go after the first half of the sections and at the end, so
    that they come while the material is fresh.
    """
    sections, current = [], {"heading": None, "lines": []}
    for line in markdown_text.strip().splitlines():
        if line.startswith("## "):
            if current["heading"] or any(item.strip() for item in current["lines"]):
                sections.append(current)
            current = {"heading": line[3:].strip(), "lines": []}
        else:
            current["lines"].append(line)
    sections.append(current)
    blocks = []
    middle = max(1, len(sections) // 2)
    for number, section in enumerate(sections, start=1):
        if section["heading"]:
            blocks.append(
                _block("heading", {"text": section["heading"], "level": "h2"})
            )
        text = "\n".join(section["lines"]).strip()
        if text:
            blocks.append(_block("paragraph", _markdown_html(text)))
        if number == middle and len(checks) > 1:
            blocks.append(_block("check", _question_value(checks[0])))
    remaining = checks[1:] if len(checks) > 1 else checks
    blocks.extend(_block("check", _question_value(check)) for check in remaining)
    return blocks


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def course_index_ensure():
    """The catalogue page "Kursy" under the home page, added to the main menu once."""
    from wagtail.models import Site

    from portal.pages.models import HomePage, NavigationSettings

    from .models import CourseIndexPage

    index = CourseIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.get()
    index = CourseIndexPage(
        title="Kursy",
        slug="kursy",
        intro=(
            "Piętnaście bezpłatnych kursów online. Każdy kończy się testem i "
            "certyfikatem. Ucz się w swoim tempie, w dowolnej kolejności."
        ),
        search_description="Katalog bezpłatnych kursów portalu Kompetencje dla pracy.",
    )
    home.add_child(instance=index)
    _publish(index)
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    link = {"label": "Kursy", "page": index.pk, "url": ""}
    navigation.main_menu = [{"type": "link", "value": link}] + list(
        navigation.main_menu.raw_data
    )
    navigation.save()
    return index


@transaction.atomic
def course_load(*, data: dict, index) -> tuple:
    """Create a course with its lessons from checked content data, if it is missing."""
    from .models import CoursePage, LessonPage

    existing = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific, False
    test = data["test"]
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"].strip(),
        search_description=data["summary"].strip(),
        description=_markdown_html(data["description"]),
        outcomes=[_block("outcome", outcome) for outcome in data["outcomes"]],
        estimated_minutes=data["estimated_minutes"],
        pass_mark_percent=test.get("pass_mark_percent", 60),
        questions_per_attempt=test["questions_per_attempt"],
        questions=[_block("question", _question_value(q)) for q in data["questions"]],
    )
    index.add_child(instance=course)
    _publish(course)
    for lesson in data["lessons"]:
        page = LessonPage(
            title=lesson["title"],
            slug=lesson["slug"],
            summary=lesson["summary"].strip(),
            search_description=lesson["summary"].strip(),
            body=lesson_body_blocks(lesson["body"], lesson.get("checks") or []),
        )
        course.add_child(instance=page)
        _publish(page)
    return course, True


def courses_load() -> list:
    """Load every course file that is not yet a course (idempotent)."""
    from .content_schema import course_files, load_course_file

    index = course_index_ensure()
    return [
        course_load(data=load_course_file(path), index=index) for path in course_files()
    ]
