"""Writes in courses: enrolment, progress, test attempts and certificates."""

import random

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import outbox
from portal.core.ratelimit import rate_limit_allow

from . import rules
from .blocks import QuestionKind
from .models import Attempt, Certificate, Enrollment, LessonCompletion
from .tasks import certificate_render_task

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


def test_status(*, enrollment, now=None) -> rules.TestStatus:
    """What the learner may do with the end test now (courses.rules).

    Finished lessons are recorded first (`enrollment_lessons_check`).
    """
    return rules.test_status(
        course=enrollment.course,
        attempts=enrollment.attempts.order_by("number"),
        lessons_done=enrollment_lessons_check(enrollment=enrollment),
        now=now or timezone.now(),
    )


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
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                enrollment=enrollment,
                number=status.attempts_used + 1,
                deadline=rules.attempt_deadline(
                    enrollment.course, enrollment.user, started_at=now
                ),
                questions=_draw_questions(enrollment.course),
            )
    except IntegrityError as error:  # a parallel request won the race
        raise TestRuleError(_("You have a test in progress.")) from error


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
    if rules.is_past_deadline(attempt, now):
        return _grade(attempt, attempt.responses, now)
    attempt.responses = rules.responses_clean(attempt, responses)
    attempt.save(update_fields=["responses"])
    return attempt


@transaction.atomic
def attempt_submit(*, attempt, responses, now=None) -> Attempt:
    """Grade an attempt once; a replayed or late submission changes nothing."""
    now = now or timezone.now()
    attempt = _locked_open_attempt(attempt)
    if rules.is_past_deadline(attempt, now):
        responses = attempt.responses
    else:
        responses = rules.responses_clean(attempt, responses)
    return _grade(attempt, responses, now)


def _grade(attempt, responses, now) -> Attempt:
    attempt.responses = responses
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = now
    attempt.score_percent, attempt.passed = rules.attempt_score(
        attempt,
        responses,
        pass_mark_percent=attempt.enrollment.course.pass_mark_percent,
    )
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
    if attempt and rules.is_past_deadline(attempt, now):
        # Closed as of its deadline, so the break before the next attempt counts
        # from then, not from the day the learner came back.
        with transaction.atomic():
            attempt = _locked_open_attempt(attempt)
            return _grade(attempt, attempt.responses, rules.closed_at(attempt))
    return None


# Certificates ----------------------------------------------------------------------


@transaction.atomic
def certificate_issue(*, enrollment, now=None) -> Certificate:
    """Issue the course's certificate once; render it in the background."""
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
        outbox.enqueue(certificate_render_task, certificate.pk)
    return certificate


def certificate_render_again(*, certificate) -> None:
    """Queue the rendering of a certificate that is not ready, once a minute at most."""
    if certificate.status == Certificate.Status.READY and certificate.pdf:
        return
    if cache.add(f"certificate-render:{certificate.pk}", 1, 60):
        outbox.enqueue(certificate_render_task, certificate.pk)


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
    return rate_limit_allow(
        key=f"certificate-verify:{client_key}",
        limit=VERIFICATION_LIMIT,
        window=VERIFICATION_WINDOW,
    )
