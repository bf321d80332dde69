"""What the page cache may keep of the courses app (portal.core.pagecache).

The catalogue, a course's main page and the empty verification form look the same
to every visitor without a session. Publishing a course bumps the generation
through the page signals that portal.pages connects.
"""

from wagtail import hooks

from portal.core import pagecache

from .models import CourseIndexPage, CoursePage

COURSE_MAIN_ROUTE = "course_view"


def mark_course_page(page, request, serve_args, serve_kwargs):
    if type(page) is CourseIndexPage:
        pagecache.mark_cacheable(request)
    elif type(page) is CoursePage:
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name == COURSE_MAIN_ROUTE:
            pagecache.mark_cacheable(request)


def connect() -> None:
    pagecache.allow_view("courses:verify")
    hooks.register("before_serve_page", mark_course_page)
