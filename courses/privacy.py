"""Courses: enrolments, lessons done, test attempts, certificates, accommodations."""

from django.utils.translation import gettext as _

from privacy.registry import DataProvider, register

from .models import Attempt, Certificate, Enrollment, LearnerAccommodation


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
                "enrolled_at": enrollment.enrolled_at.isoformat(),
                "lessons_completed": [
                    {
                        "lesson": c.lesson.title,
                        "completed_at": c.completed_at.isoformat(),
                    }
                    for c in enrollment.completions.all()
                ],
                "test_attempts": [
                    {
                        "number": attempt.number,
                        "started_at": attempt.started_at.isoformat(),
                        "submitted_at": attempt.submitted_at.isoformat()
                        if attempt.submitted_at
                        else None,
                        "score_percent": attempt.score_percent,
                        "passed": attempt.passed,
                    }
                    for attempt in enrollment.attempts.all()
                ],
                "passed_at": enrollment.passed_at.isoformat()
                if enrollment.passed_at
                else None,
            }
            for enrollment in enrollments
        ],
        "certificates": [
            {
                "number": certificate.number,
                "course": certificate.course_title,
                "full_name": certificate.full_name,
                "issued_at": certificate.issued_at.isoformat(),
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


def erase(user) -> list[str]:
    """Take the name off certificates and the answers off attempts; keep the counts."""
    for certificate in Certificate.objects.filter(enrollment__user=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.full_name = _("Deleted user")
        certificate.pdf = ""
        certificate.save(update_fields=["full_name", "pdf"])
    Attempt.objects.filter(enrollment__user=user).update(responses={})
    LearnerAccommodation.objects.filter(user=user).delete()
    return [
        _(
            "Which courses you enrolled in and finished, with dates and test results, "
            "are kept without your name: the programme reports them."
        ),
        _(
            "Your certificates no longer show your name; their verification page says "
            "only that a certificate with that number was issued."
        ),
    ]


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
    )
)
