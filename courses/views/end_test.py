"""The end test: overview, answering, the deliberate finish and the result.

Enter in an answer only saves (the form's first button is "save"); grading needs
the finish page and its own button, or the time running out (WCAG 3.3.4).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.accounts.views import current_documents_required

from .. import rules, selectors, services
from ..forms import AttemptForm
from .access import enrollment_or_redirect, own_attempt, require_learner


@never_cache
@current_documents_required
def test_overview(request, course):
    if response := require_learner(request, course):
        return response
    enrollment, response = enrollment_or_redirect(request, course)
    if response:
        return response
    services.attempt_expire_if_due(enrollment=enrollment)
    if request.method == "POST":
        try:
            attempt = services.attempt_start(enrollment=enrollment)
        except services.TestRuleError as error:
            messages.error(request, str(error))
        else:
            return redirect(course.route_url("test_take", attempt.number))
    return TemplateResponse(
        request,
        "courses/test_overview.html",
        {
            "page": course,
            "course": course,
            "enrollment": enrollment,
            "status": services.test_status(enrollment=enrollment),
            "time_limit": _time_limit_for(course, request.user),
        },
    )


def _time_limit_for(course, user) -> dict | None:
    """What the overview says about time: the learner's own limit, if any."""
    if not course.time_limit_minutes:
        return None
    allowed = rules.time_allowed(course, user)
    if allowed is None:
        return {"off": True}
    minutes = round(allowed.total_seconds() / 60)
    return {"minutes": minutes, "extended": minutes > course.time_limit_minutes}


def _seconds_left(attempt):
    if not attempt.deadline:
        return None
    return max(int((attempt.deadline - timezone.now()).total_seconds()), 0)


@never_cache
@current_documents_required
def test_take(request, course, number):
    """Answer the questions. Every button saves; "finish" then asks to confirm.

    Only the timer's own post once the time is up grades from here.
    """
    attempt = own_attempt(request, course, number)
    result_url = course.route_url("test_result", number)
    if not attempt.is_open:
        return redirect(result_url)
    if request.method == "POST":
        form = AttemptForm(request.POST, attempt=attempt)
        form.is_valid()
        try:
            if "timeup" in request.POST and rules.is_time_up(attempt, timezone.now()):
                services.attempt_submit(attempt=attempt, responses=form.responses())
                return redirect(result_url)
            attempt = services.attempt_save(attempt=attempt, responses=form.responses())
        except services.TestRuleError as error:
            messages.error(request, str(error))
            return redirect(result_url)
        if not attempt.is_open:
            return redirect(result_url)
        if "finish" in request.POST:
            return redirect(course.route_url("test_finish", number))
        messages.success(request, _("Your answers have been saved."))
        return redirect(course.route_url("test_take", number))
    return TemplateResponse(
        request,
        "courses/test_take.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "seconds_left": _seconds_left(attempt),
            "form": AttemptForm(attempt=attempt),
        },
    )


@never_cache
@current_documents_required
def test_finish(request, course, number):
    """Confirm the end of an attempt: the unanswered questions, then one button."""
    attempt = own_attempt(request, course, number)
    result_url = course.route_url("test_result", number)
    if not attempt.is_open:
        return redirect(result_url)
    if request.method == "POST":
        try:
            services.attempt_submit(attempt=attempt, responses=attempt.responses)
        except services.TestRuleError as error:
            messages.error(request, str(error))
        return redirect(result_url)
    questions = [
        {"number": index, "answered": bool(attempt.responses.get(question["id"]))}
        for index, question in enumerate(attempt.questions, start=1)
    ]
    return TemplateResponse(
        request,
        "courses/test_finish.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "seconds_left": _seconds_left(attempt),
            "answered_count": sum(1 for q in questions if q["answered"]),
            "unanswered": [q["number"] for q in questions if not q["answered"]],
        },
    )


@never_cache
def test_result(request, course, number):
    attempt = own_attempt(request, course, number)
    if attempt.is_open:
        return redirect(course.route_url("test_take", number))
    enrollment = attempt.enrollment
    status = services.test_status(enrollment=enrollment)
    options = rules.review_options(course, closed=rules.review_closed(status))
    return TemplateResponse(
        request,
        "courses/test_result.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "review_options": options,
            "review": rules.attempt_review(attempt, options),
            "status": status,
            "certificate": selectors.certificate_of(enrollment),
        },
    )
