"""Courses: enrolments, lessons done, test attempts, certificates, accommodations."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import registry as log_registry

from privacy.registry import DataProvider, register

from .models import Attempt, Certificate, Enrollment, LearnerAccommodation


def _time(value):
    return value.isoformat() if value else None


def _attempt(attempt) -> dict:
    """One sitting: the questions as shown, the answers chosen and which were right."""
    return {
        "number": attempt.number,
        "status": attempt.get_status_display(),
        "started_at": _time(attempt.started_at),
        "submitted_at": _time(attempt.submitted_at),
        "score_percent": attempt.score_percent,
        "passed": attempt.passed,
        "questions": [
            {
                "question": item["text"],
                "answers": [
                    {
                        "answer": answer["text"],
                        "chosen": answer["id"] in item["chosen"],
                        "correct": answer["correct"],
                    }
                    for answer in item["answers"]
                ],
                "answered_correctly": item["is_correct"],
            }
            for item in attempt.review()
        ],
    }


def export(user) -> dict:
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .prefetch_related("completions__lesson", "attempts")
    )
    return {
        "enrolments": [
            {
                "course": enrollment.course.title,
                "enrolled_at": _time(enrollment.enrolled_at),
                "lessons_completed": [
                    {
                        "lesson": c.lesson.title,
                        "completed_at": _time(c.completed_at),
                    }
                    for c in enrollment.completions.all()
                ],
                "test_attempts": [
                    _attempt(attempt) for attempt in enrollment.attempts.all()
                ],
                "passed_at": _time(enrollment.passed_at),
            }
            for enrollment in enrollments
        ],
        "certificates": [
            {
                "number": certificate.number,
                "course": certificate.course_title,
                "full_name": certificate.full_name,
                "issued_at": _time(certificate.issued_at),
                "verification_code": certificate.display_code,
            }
            for certificate in Certificate.objects.filter(enrollment__user=user)
        ],
        "test_accommodation": [
            {
                "extra_time_percent": a.extra_time_percent,
                "no_time_limit": a.no_time_limit,
                "basis": a.reason,
            }
            for a in LearnerAccommodation.objects.filter(user=user)
        ],
    }


LABELS = {
    "enrolments": gettext_lazy("Courses you enrolled in"),
    "course": gettext_lazy("Course"),
    "enrolled_at": gettext_lazy("Enrolled"),
    "lessons_completed": gettext_lazy("Lessons completed"),
    "lesson": gettext_lazy("Lesson"),
    "completed_at": gettext_lazy("Date completed"),
    "test_attempts": gettext_lazy("End-test attempts"),
    "number": gettext_lazy("Number"),
    "status": gettext_lazy("Status"),
    "started_at": gettext_lazy("Started"),
    "submitted_at": gettext_lazy("Handed in"),
    "score_percent": gettext_lazy("Score (%)"),
    "passed": gettext_lazy("Passed"),
    "questions": gettext_lazy("Questions and your answers"),
    "question": gettext_lazy("Question"),
    "answers": gettext_lazy("Answers to choose from"),
    "answer": gettext_lazy("Answer"),
    "chosen": gettext_lazy("Chosen by you"),
    "correct": gettext_lazy("Correct answer"),
    "answered_correctly": gettext_lazy("Answered correctly"),
    "passed_at": gettext_lazy("Test passed"),
    "certificates": gettext_lazy("Certificates"),
    "full_name": gettext_lazy("Name on the certificate"),
    "issued_at": gettext_lazy("Issued"),
    "verification_code": gettext_lazy("Verification code"),
    "test_accommodation": gettext_lazy("Test accommodation"),
    "extra_time_percent": gettext_lazy("Extra time (%)"),
    "no_time_limit": gettext_lazy("No time limit"),
    "basis": gettext_lazy("Basis"),
}


def erase(user) -> list[str]:
    """Take the name off certificates and the answers off attempts; keep the counts.

    The admin's history of the learner's test accommodation stays (who changed it
    and when) under a label without their name: older labels named the learner.
    """
    certificates = 0
    for certificate in Certificate.objects.filter(enrollment__user=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.full_name = _("Deleted user")
        certificate.pdf = ""
        certificate.save(update_fields=["full_name", "pdf"])
        certificates += 1
    Attempt.objects.filter(enrollment__user=user).update(responses={})
    history = 0
    for accommodation in LearnerAccommodation.objects.filter(user=user):
        history += log_registry.get_logs_for_instance(accommodation).update(
            label=str(accommodation), data={}
        )
        accommodation.delete()
    notes = []
    if Enrollment.objects.filter(user=user).exists():
        notes.append(
            _(
                "Which courses you enrolled in and finished, with dates and test "
                "results, are kept without your name: the programme reports them."
            )
        )
    if certificates:
        notes.append(
            _(
                "Your certificates no longer show your name; their verification page "
                "says only that a certificate with that number was issued."
            )
        )
    if history:
        notes.append(
            _(
                "The admin's history keeps when staff changed your test "
                "accommodation, without your name: staff answer for their changes."
            )
        )
    return notes


def files(user):
    """The person's certificates, as PDF files in the copy of data."""
    for certificate in Certificate.objects.filter(enrollment__user=user):
        if certificate.pdf:
            yield f"certyfikaty/{certificate.number}.pdf", certificate.pdf


register(
    DataProvider(
        key="courses",
        label="Kursy",
        models=(Enrollment, LearnerAccommodation),
        export=export,
        erase=erase,
        files=files,
        file_fields=("courses.Certificate.pdf",),
        labels=LABELS,
        portable=("enrolments",),
    )
)
