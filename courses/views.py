"""Views of courses. Rules live in services and permissions; these only present them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.accounts.permissions import SecondFactorRequired, can_use_staff_privileges
from portal.accounts.views import current_documents_required
from portal.core.audit import audit_record
from portal.core.http import client_ip

from . import permissions, rules, selectors, services
from .certificates import certificate_context
from .forms import AttemptForm, CheckQuestionForm
from .models import Attempt, Certificate, Enrollment


def _require_learner(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    return None


def _enrollment_or_redirect(request, course):
    enrollment = Enrollment.objects.filter(user=request.user, course=course).first()
    if not permissions.can_study(request.user, enrollment):
        messages.info(request, _("Sign up for the course first."))
        return None, redirect(course.url)
    return enrollment, None


# Course ---------------------------------------------------------------------------


def course_detail(request, course):
    progress = selectors.course_progress(course=course, user=request.user)
    return TemplateResponse(
        request,
        "courses/course_page.html",
        {
            "page": course,
            "self": course,
            "progress": progress,
            "can_enroll": permissions.can_enroll(request.user, course),
        },
    )


@require_POST
@current_documents_required
def course_enroll(request, course):
    if response := _require_learner(request, course):
        return response
    if not permissions.can_enroll(request.user, course):
        raise PermissionDenied
    services.enrollment_create(user=request.user, course=course)
    messages.success(request, _("You are signed up for the course. Good luck!"))
    first = selectors.course_progress(course=course, user=request.user).next_lesson()
    return redirect(first.url if first else course.url)


# Lessons --------------------------------------------------------------------------


def _lesson_context(request, lesson, course, checks=None):
    progress = selectors.course_progress(course=course, user=request.user)
    lessons = progress.lessons
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    checks = checks or {}
    for block in lesson.body:
        if block.block_type == "check" and block.id not in checks:
            checks[block.id] = {
                "form": CheckQuestionForm(
                    block_id=block.id, question=block.value, prefix=f"check-{block.id}"
                )
            }
    return {
        "page": lesson,
        "self": lesson,
        "course": course,
        "blocks": [
            {"block": block, "check": checks.get(block.id)} for block in lesson.body
        ],
        "progress": progress,
        "is_done": lesson.pk in progress.done_ids,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "position": index + 1,
    }


def lesson_detail(request, lesson):
    course = lesson.get_parent().specific
    return TemplateResponse(
        request, "courses/lesson_page.html", _lesson_context(request, lesson, course)
    )


@require_POST
def lesson_check(request, lesson, block_id):
    """Grade an in-lesson check question and show the feedback in place."""
    course = lesson.get_parent().specific
    block = next(
        (b for b in lesson.body if b.block_type == "check" and b.id == block_id), None
    )
    if block is None:
        raise Http404
    form = CheckQuestionForm(
        request.POST,
        block_id=block.id,
        question=block.value,
        prefix=f"check-{block.id}",
    )
    result = {"form": form}
    if form.is_valid():
        result["correct"] = services.check_question_grade(
            question=block.value, chosen=form.chosen()
        )
        result["explanation"] = block.value["explanation"]
    context = _lesson_context(request, lesson, course, checks={block.id: result})
    return TemplateResponse(request, "courses/lesson_page.html", context)


@require_POST
@current_documents_required
def lesson_mark_done(request, lesson):
    course = lesson.get_parent().specific
    if response := _require_learner(request, lesson):
        return response
    enrollment, response = _enrollment_or_redirect(request, course)
    if response:
        return response
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    progress = selectors.course_progress(course=course, user=request.user)
    following = progress.next_lesson()
    if following is None:
        messages.success(
            request, _("You have completed all the lessons. The end test is open.")
        )
        return redirect(course.route_url("test"))
    messages.success(request, _("Lesson completed."))
    return redirect(following.url)


# End test -------------------------------------------------------------------------


@never_cache
@current_documents_required
def test_overview(request, course):
    if response := _require_learner(request, course):
        return response
    enrollment, response = _enrollment_or_redirect(request, course)
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


def _attempt(request, course, number):
    if not request.user.is_authenticated:
        raise Http404
    attempt = get_object_or_404(
        Attempt.objects.select_related("enrollment"),
        enrollment__course=course,
        enrollment__user=request.user,
        number=number,
    )
    if not permissions.can_view_attempt(request.user, attempt):
        raise Http404
    return attempt


@never_cache
@current_documents_required
def test_take(request, course, number):
    attempt = _attempt(request, course, number)
    result_url = course.route_url("test_result", number)
    if request.method == "POST" and attempt.is_open:
        form = AttemptForm(request.POST, attempt=attempt)
        form.is_valid()
        try:
            if "submit" in request.POST:
                services.attempt_submit(attempt=attempt, responses=form.responses())
                return redirect(result_url)
            attempt = services.attempt_save(attempt=attempt, responses=form.responses())
            messages.success(request, _("Your answers have been saved."))
        except services.TestRuleError as error:
            messages.error(request, str(error))
            return redirect(result_url)
        if not attempt.is_open:
            return redirect(result_url)
    if not attempt.is_open:
        return redirect(result_url)
    return TemplateResponse(
        request,
        "courses/test_take.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "seconds_left": (
                max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
                if attempt.deadline
                else None
            ),
            "form": AttemptForm(attempt=attempt),
        },
    )


@never_cache
def test_result(request, course, number):
    attempt = _attempt(request, course, number)
    if attempt.is_open:
        return redirect(course.route_url("test_take", number))
    enrollment = attempt.enrollment
    return TemplateResponse(
        request,
        "courses/test_result.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "review": attempt.review(),
            "status": services.test_status(enrollment=enrollment),
            "certificate": selectors.certificate_of(enrollment),
        },
    )


# Dashboard and certificates -------------------------------------------------------


@never_cache
@login_required
def dashboard(request):
    return TemplateResponse(
        request, "courses/dashboard.html", selectors.dashboard_for(user=request.user)
    )


def _certificate_for(request, number, *, action):
    """The certificate, if this person may see it; staff reading someone else's
    certificate need the second factor and leave an entry in the audit log."""
    certificate = (
        Certificate.objects.select_related("enrollment").filter(number=number).first()
    )
    if certificate is None:
        raise Http404
    if not permissions.can_download_certificate(
        request.user, certificate, second_factor=can_use_staff_privileges(request)
    ):
        if permissions.can_read_certificates(request.user):
            raise SecondFactorRequired
        raise Http404
    if certificate.enrollment.user_id != request.user.pk:
        audit_record(request=request, action=action, obj=certificate)
    return certificate


@never_cache
def certificate_pdf(request, number):
    certificate = _certificate_for(request, number, action="download")
    if certificate.status != Certificate.Status.READY or not certificate.pdf:
        services.certificate_render_again(certificate=certificate)
        messages.info(
            request, _("Your certificate is being prepared. Try again in a minute.")
        )
        return redirect("courses:dashboard")
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certyfikat-{certificate.number}.pdf",
        content_type="application/pdf",
    )


@never_cache
def certificate_html(request, number):
    certificate = _certificate_for(request, number, action="view")
    return TemplateResponse(
        request, "courses/certificate.html", certificate_context(certificate)
    )


def certificate_verify(request, code=None):
    """Public check of a certificate by its code: from the form or the QR link."""
    raw = (code if code is not None else request.GET.get("kod", "")).strip()
    context = {"code": raw, "searched": bool(raw)}
    if raw:
        if not services.verification_lookup_allowed(client_key=client_ip(request)):
            context["throttled"] = True
            return TemplateResponse(
                request, "courses/certificate_verify.html", context, status=429
            )
        context["certificate"] = selectors.certificate_for_code(raw)
    return TemplateResponse(request, "courses/certificate_verify.html", context)
