"""The course page, enrolment and lessons with their check questions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.views import current_documents_required

from .. import permissions, selectors, services
from ..forms import CheckQuestionForm
from .access import enrollment_or_redirect, require_learner


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
    if response := require_learner(request, course):
        return response
    if not permissions.can_enroll(request.user, course):
        raise PermissionDenied
    services.enrollment_create(user=request.user, course=course)
    messages.success(request, _("You are signed up for the course. Good luck!"))
    first = selectors.course_progress(course=course, user=request.user).next_lesson()
    return redirect(first.url if first else course.url)


def _lesson_context(request, lesson, course, checks=None):
    progress = selectors.course_progress(course=course, user=request.user)
    lessons = progress.lessons
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    checks = checks or {}
    blocks = []
    check_number = 0
    for block in lesson.body:
        check = None
        if block.block_type == "check":
            check_number += 1
            check = checks.get(block.id) or {
                "form": CheckQuestionForm(
                    block_id=block.id, question=block.value, prefix=f"check-{block.id}"
                )
            }
            # Each check is a region of its own name ("Sprawdź się: pytanie 2").
            check["number"] = check_number
        blocks.append({"block": block, "check": check})
    return {
        "page": lesson,
        "self": lesson,
        "course": course,
        "blocks": blocks,
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
    """Grade an in-lesson check question and show the feedback in place.

    The whole lesson comes back (it works without JavaScript); check-question.js
    takes only the feedback out of it into the live region already on the page.
    """
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
    if response := require_learner(request, lesson):
        return response
    enrollment, response = enrollment_or_redirect(request, course)
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
