"""Who reaches a course's learner pages: the checks every view starts with."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from .. import permissions
from ..models import Attempt, Enrollment


def require_learner(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    return None


def enrollment_or_redirect(request, course):
    enrollment = Enrollment.objects.filter(user=request.user, course=course).first()
    if not permissions.can_study(request.user, enrollment):
        messages.info(request, _("Sign up for the course first."))
        return None, redirect(course.url)
    return enrollment, None


def own_attempt(request, course, number) -> Attempt:
    """The learner's attempt with this number; 404 for anyone else."""
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
