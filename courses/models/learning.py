"""A learner's way through a course: enrolment, lessons, test attempts, certificate."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.core.storage import private_storage

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def verification_code_generate():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    lessons_completed_at = models.DateTimeField(
        _("all lessons completed at"), null=True, blank=True
    )
    passed_at = models.DateTimeField(_("test passed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        permissions = [
            ("view_programme_statistics", _("Can view programme statistics")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="enrollment_one_per_course"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="completions"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed lesson")
        verbose_name_plural = _("completed lessons")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="lessoncompletion_once"
            )
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.lesson}"


class LearnerAccommodation(models.Model):
    """Extra time in timed tests, granted by staff to a learner who needs it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="accommodation",
    )
    extra_time_percent = models.PositiveSmallIntegerField(
        _("extra time (%)"),
        default=0,
        validators=[MaxValueValidator(300)],
        help_text=_("For example 50 gives one and a half times the time limit."),
    )
    no_time_limit = models.BooleanField(
        _("no time limit"),
        default=False,
        help_text=_(
            "The learner's end tests are not timed at all. Takes precedence over "
            "extra time."
        ),
    )
    reason = models.CharField(
        _("basis"),
        max_length=200,
        blank=True,
        help_text=_("A reference to the request, without health details."),
    )

    class Meta:
        verbose_name = _("test accommodation")
        verbose_name_plural = _("test accommodations")

    def __str__(self):
        """A number, not the learner: the admin's history keeps this label."""
        number = self.pk or "–"
        if self.no_time_limit:
            return _("Test accommodation no. %(number)s: no time limit") % {
                "number": number
            }
        return _("Test accommodation no. %(number)s: +%(percent)s%%") % {
            "number": number,
            "percent": self.extra_time_percent,
        }


class Attempt(models.Model):
    """One sitting of the end test.

    `questions` is a snapshot taken at the start: the drawn questions with their
    answers in the order shown, which of them are correct and the explanation. It
    is graded against itself, so later edits of the pool do not change a sitting.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted")

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    questions = models.JSONField(_("questions shown"))
    responses = models.JSONField(_("answers given"), default=dict, blank=True)
    score_percent = models.PositiveSmallIntegerField(_("score (%)"), null=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("test attempt")
        verbose_name_plural = _("test attempts")
        ordering = ["enrollment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=Q(status="in_progress"),
                name="attempt_one_in_progress",
            ),
            models.CheckConstraint(
                condition=Q(status="in_progress") | Q(submitted_at__isnull=False),
                name="attempt_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.enrollment} #{self.number}"

    @property
    def is_open(self):
        return self.status == self.Status.IN_PROGRESS

    @cached_property
    def correct_count(self):
        return sum(1 for item in self.review() if item["is_correct"])

    def review(self):
        """The questions with the learner's choices, for the result page."""
        items = []
        for question in self.questions:
            chosen = set(self.responses.get(question["id"], []))
            correct = {a["id"] for a in question["answers"] if a["correct"]}
            items.append(
                {
                    **question,
                    "chosen": chosen,
                    "is_correct": chosen == correct,
                }
            )
        return items


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")

    enrollment = models.OneToOneField(
        Enrollment,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    number = models.CharField(_("number"), max_length=30, unique=True, blank=True)
    verification_code = models.CharField(
        _("verification code"),
        max_length=12,
        unique=True,
        default=verification_code_generate,
    )
    full_name = models.CharField(_("full name at issue"), max_length=300)
    course_title = models.CharField(_("course title at issue"), max_length=255)
    issued_at = models.DateTimeField(_("issued at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    pdf = models.FileField(
        _("PDF file"), storage=private_storage, upload_to="certificates/", blank=True
    )
    render_attempts = models.PositiveSmallIntegerField(default=0)
    render_started_at = models.DateTimeField(null=True, blank=True)
    # The delivery (Celery task id) that holds the claim: its own redelivery after a
    # killed worker renders again at once, any other run waits for the timeout.
    render_claim = models.CharField(max_length=64, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]

    def __str__(self):
        return self.number

    @property
    def display_code(self):
        code = self.verification_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
