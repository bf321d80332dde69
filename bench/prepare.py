"""Inside Django: the people, sessions and addresses `make bench` measures.

Run by bench/run.py as `python bench/prepare.py <sessions>` with the production
settings and the bench database in the environment. It makes (once) a signed-in
learner enrolled in the first course with every lesson done and a forum topic of 25
posts, at least 100 learners with enrolments (size S), the Koordynator, Moderator
and Inspektor ochrony danych accounts with a TOTP authenticator, and session cookies
for each (the staff sessions carry the passed second factor, as after a TOTP sign-in).
It then asks every page once through Django's test client to count its SQL queries,
and prints one JSON line: pages (name, kind, path, who, queries, status) and the
learner cookies for the load run.
"""

import json
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from allauth.account.internal.flows.login import (  # noqa: E402
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.models import EmailAddress  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,  # noqa: E402
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from courses.models import CoursePage, Enrollment, LessonPage  # noqa: E402
from courses.services import lesson_complete  # noqa: E402
from forum import markup  # noqa: E402
from forum.models import Post, Topic  # noqa: E402
from forum.selectors import POSTS_PER_PAGE, TOPICS_PER_PAGE  # noqa: E402
from forum.services import forum_for_course  # noqa: E402
from portal.accounts import roles  # noqa: E402
from portal.accounts.models import PupOffice, User  # noqa: E402
from portal.accounts.services import legal_documents_accept, staff_account_create  # noqa: E402
from privacy.selectors import legal_settings  # noqa: E402

DOMAIN = "bench.invalid"
LEARNER = f"learner@{DOMAIN}"
STAFF = {
    "coordinator": roles.COORDINATOR,
    "moderator": roles.MODERATOR,
    "iod": roles.DATA_PROTECTION_OFFICER,
}
BENCH_TOPIC = "Bench: a topic of 25 posts"


def learner_ensure(email, first_name="Ewa", last_name="Bench", password=None):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            status=User.Status.UNEMPLOYED,
            pup_office=PupOffice.objects.first(),
        )
        legal = legal_settings()
        legal_documents_accept(
            user=user,
            documents={"terms": legal.terms_version, "privacy": legal.privacy_version},
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def learners_top_up(course, count=100):
    """Size S: at least `count` learners, each enrolled in the first course."""
    have = Enrollment.objects.filter(course=course).count()
    for number in range(have, count):
        user = learner_ensure(f"s{number}@{DOMAIN}", last_name=f"S{number}")
        Enrollment.objects.get_or_create(user=user, course=course)


def course_ready(user, course):
    enrollment, _created = Enrollment.objects.get_or_create(user=user, course=course)
    for lesson in LessonPage.objects.child_of(course).live():
        lesson_complete(enrollment=enrollment, lesson=lesson)
    return enrollment


def topic_ensure(forum, user):
    topic = Topic.objects.filter(forum=forum, title=BENCH_TOPIC).first()
    if topic is None:
        now = timezone.now()
        topic = Topic.objects.create(
            forum=forum, author=user, title=BENCH_TOPIC, reply_count=24
        )
        body = "Jak przygotować się do rozmowy kwalifikacyjnej? **Kilka rad**."
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=user,
                body=f"{body} ({number})",
                body_html=markup.render(f"{body} ({number})"),
                created_at=now,
            )
            for number in range(25)
        )
    return topic


def staff_ensure(key, role):
    email = f"{key}@{DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user, _password = staff_account_create(
            role=role, email=email, first_name="Bench", last_name=key
        )
    if not user.authenticator_set.filter(type="totp").exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def session_cookie(user, *, second_factor=False):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    methods = [{"method": "password", "at": time.time(), "email": user.email}]
    if second_factor:
        methods.append({"method": "mfa", "at": time.time(), "type": "totp"})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = methods
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def biggest(queryset, field):
    return queryset.order_by(f"-{field}", "pk").first()


def pages_list(course, lesson, forum, topic):
    big_topic = biggest(Topic.objects.filter(forum=forum), "reply_count")
    topic_pages = max(1, math.ceil((big_topic.reply_count + 1) / POSTS_PER_PAGE))
    forum_pages = max(1, math.ceil(forum.topics.count() / TOPICS_PER_PAGE))
    forum_path = reverse("forum:index", args=[forum.pk])
    statistics = reverse("programme_statistics:index")
    return [
        # name, kind (minimal / anonymous / learner / staff), path, who
        ("minimal", "minimal", "/_bench/minimal/", "anonymous"),
        ("home", "anonymous", "/", "anonymous"),
        ("catalogue", "anonymous", "/kursy/", "anonymous"),
        ("course page", "anonymous", course.url, "anonymous"),
        ("counselling", "anonymous", "/poradnictwo-zawodowe/", "anonymous"),
        ("lesson", "learner", lesson.url, "learner"),
        ("Moje kursy", "learner", reverse("courses:dashboard"), "learner"),
        ("end-test overview", "learner", f"{course.url}test/", "learner"),
        (
            "forum topic 25",
            "learner",
            reverse("forum:topic", args=[topic.pk]),
            "learner",
        ),
        (
            "Moje spotkania",
            "learner",
            reverse("counselling:my_appointments"),
            "learner",
        ),
        ("statistics", "staff", statistics, "coordinator"),
        ("statistics CSV", "staff", f"{statistics}?format=csv", "coordinator"),
        ("moderation queue", "staff", reverse("forum_moderation:index"), "moderator"),
        ("data requests", "staff", reverse("data_requests:index"), "iod"),
        ("forum last page", "staff", f"{forum_path}?page={forum_pages}", "learner"),
        (
            "topic last page",
            "staff",
            f"{reverse('forum:topic', args=[big_topic.pk])}?page={topic_pages}",
            "learner",
        ),
        ("forum search", "staff", f"{forum_path}?q=rozmowa", "learner"),
        ("site search", "staff", "/szukaj/?q=kurs", "anonymous"),
    ]


def queries_count(path, cookie):
    client = Client()
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    client.get(path)  # warm: templates, caches, the session's refresh
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries.captured_queries), response.status_code


def main():
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    course = CoursePage.objects.live().order_by("path").first()
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    learner = learner_ensure(LEARNER, password="Bench-Haslo-2026")
    course_ready(learner, course)
    learners_top_up(course)
    forum = forum_for_course(course=course)
    topic = topic_ensure(forum, learner)
    cookies = {"anonymous": "", "learner": session_cookie(learner)}
    for key, role in STAFF.items():
        cookies[key] = session_cookie(staff_ensure(key, role), second_factor=True)
    pages = []
    for name, kind, path, who in pages_list(course, lesson, forum, topic):
        count, status = queries_count(path, cookies[who])
        pages.append(
            {
                "name": name,
                "kind": kind,
                "path": path,
                "cookie": cookies[who],
                "queries": count,
                "status": status,
            }
        )
    load_cookies = [session_cookie(learner) for _ in range(sessions)]
    load_paths = {
        "home": "/",
        "catalogue": "/kursy/",
        "course": course.url,
        "lesson": lesson.url,
        "dashboard": reverse("courses:dashboard"),
    }
    print(
        "BENCH-JSON "
        + json.dumps(
            {
                "pages": pages,
                "load_cookies": load_cookies,
                "load_paths": load_paths,
                "learners": User.objects.filter(pup_office__isnull=False).count(),
            }
        )
    )


if __name__ == "__main__":
    main()
