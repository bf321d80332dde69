"""The rules of a course's end test, in one place. They read; they never write.

1. The test opens once the learner has done every published lesson of the course.
2. One attempt at a time: while an attempt is in progress no other starts, and
   starting again (a second tab) resumes it.
3. Attempt limit: at most `max_attempts` attempts per learner and course; 0 means
   no limit.
4. Break between attempts: after a failed attempt the next one may start
   `cooldown_minutes` after it was submitted.
5. Time limit: `time_limit_minutes` per attempt, none when empty. The learner's
   accommodation adds `extra_time_percent` to it, or lifts it (`no_time_limit`).
6. Deadline grace: answers that arrive up to DEADLINE_GRACE after the deadline still
   count (the press of the button, the trip of the request). Later, the attempt is
   graded with the answers saved before; an abandoned timed attempt counts as
   submitted at its deadline plus the grace, and the break runs from then.
7. Answers: only answers to the questions shown count, and a single-choice or
   true/false question keeps one.
8. Pass mark: an attempt passes when the correct answers make at least
   `pass_mark_percent` of its questions, compared exactly (59.5% does not pass 60%);
   the score shown is rounded.
9. Review: the result page always shows the score; what else it shows is the
   course's choice (`CoursePage.review_*`), one set while the learner may still try
   again and one once the test is passed or no attempt is left ("closed"). By
   default the correct answers and the explanations wait until then, so a next
   attempt cannot be passed from memory of the last one.

`courses.services` enforces rules 1 to 8: `test_status`, `attempt_start`,
`attempt_save`, `attempt_submit` and `attempt_expire_if_due`; the result view asks
`review_options` and shows only what `attempt_review` gives.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from .blocks import QuestionKind
from .models import Attempt

DEADLINE_GRACE = timedelta(seconds=30)
TIME_UP_EARLY = timedelta(seconds=5)


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


def test_status(*, course, attempts, lessons_done: bool, now) -> TestStatus:
    """Rules 1 to 4 for a learner's attempts so far (in order of their number)."""
    attempts = tuple(attempts)
    open_attempt = next((a for a in attempts if a.is_open), None)
    used = len(attempts)
    left = None if not course.max_attempts else max(course.max_attempts - used, 0)
    common = {
        "attempts": attempts,
        "open_attempt": open_attempt,
        "attempts_used": used,
        "attempts_left": left,
    }
    if open_attempt is not None:
        return TestStatus(
            can_start=False, reason=_("You have a test in progress."), **common
        )
    if not lessons_done:
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


def time_allowed(course, user) -> timedelta | None:
    """Rule 5: the learner's time for one attempt, course limit and accommodation."""
    if not course.time_limit_minutes:
        return None
    accommodation = getattr(user, "accommodation", None)
    if accommodation is not None and accommodation.no_time_limit:
        return None
    extra = accommodation.extra_time_percent if accommodation is not None else 0
    return timedelta(minutes=course.time_limit_minutes * (100 + extra) / 100)


def attempt_deadline(course, user, *, started_at) -> datetime | None:
    """Rule 5: when an attempt started now must be submitted, if ever."""
    allowed = time_allowed(course, user)
    return started_at + allowed if allowed else None


def is_past_deadline(attempt, now) -> bool:
    """Rule 6: whether answers arriving now come too late to count."""
    return bool(attempt.deadline) and now > attempt.deadline + DEADLINE_GRACE


def is_time_up(attempt, now) -> bool:
    """Rule 6: whether the timer's own submission may grade the attempt now.

    The page's timer posts when it reaches zero; a few seconds early still counts,
    as the browser's clock started from the server's figure a moment late.
    """
    return bool(attempt.deadline) and now >= attempt.deadline - TIME_UP_EARLY


def closed_at(attempt) -> datetime:
    """Rule 6: when an abandoned timed attempt counts as submitted."""
    return attempt.deadline + DEADLINE_GRACE


def responses_clean(attempt, responses) -> dict:
    """Rule 7: keep only answers to the questions shown, in their allowed number."""
    cleaned = {}
    for question in attempt.questions:
        allowed = {answer["id"] for answer in question["answers"]}
        chosen = [a for a in responses.get(question["id"], []) if a in allowed]
        if question["kind"] != QuestionKind.MULTIPLE:
            chosen = chosen[:1]
        if chosen:
            cleaned[question["id"]] = sorted(set(chosen))
    return cleaned


def attempt_score(attempt, responses, *, pass_mark_percent) -> tuple[int, bool]:
    """Rule 8: the rounded score in per cent, and whether it passes."""
    total = len(attempt.questions)
    correct = sum(
        1
        for question in attempt.questions
        if set(responses.get(question["id"], []))
        == {answer["id"] for answer in question["answers"] if answer["correct"]}
    )
    score_percent = round(100 * correct / total) if total else 0
    passed = bool(total) and 100 * correct >= pass_mark_percent * total
    return score_percent, passed


REVIEW_PARTS = ("correctness", "responses", "correct_answers", "feedback")


@dataclass(frozen=True)
class ReviewOptions:
    """Rule 9: what the result page shows besides the score."""

    correctness: bool = False
    responses: bool = False
    correct_answers: bool = False
    feedback: bool = False

    @property
    def any(self) -> bool:
        return any(getattr(self, part) for part in REVIEW_PARTS)


def review_closed(status: TestStatus) -> bool:
    """Rule 9: no attempt is left, or one of them passed."""
    return status.attempts_left == 0 or any(a.passed for a in status.attempts)


def review_options(course, *, closed: bool) -> ReviewOptions:
    """Rule 9: the course's review choice for the learner's situation."""
    prefix = "review_closed_" if closed else "review_open_"
    return ReviewOptions(
        **{part: bool(getattr(course, prefix + part)) for part in REVIEW_PARTS}
    )


def attempt_review(attempt, options: ReviewOptions) -> list[dict]:
    """Rule 9: a submitted attempt's questions with only what may be shown.

    What is hidden is left out of the data, not merely out of sight: `is_correct`
    is None, no answer is marked and the explanation is empty.
    """
    items = []
    for number, question in enumerate(attempt.questions, start=1):
        chosen = set(attempt.responses.get(question["id"], []))
        correct = {answer["id"] for answer in question["answers"] if answer["correct"]}
        items.append(
            {
                "number": number,
                "text": question["text"],
                "is_correct": (chosen == correct) if options.correctness else None,
                "answers": [
                    {
                        "text": answer["text"],
                        "chosen": options.responses and answer["id"] in chosen,
                        "correct": options.correct_answers and answer["correct"],
                    }
                    for answer in question["answers"]
                ],
                "explanation": question["explanation"] if options.feedback else "",
            }
        )
    return items
