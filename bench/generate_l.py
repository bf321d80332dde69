"""Inside Django: size L in bulk, by INSERT ... SELECT generate_series in PostgreSQL.

Run by bench/run.py after bench/prepare.py (which made the bench learner, course
and forum). Adds, once: 100,000 learners (verified addresses) with 1–2 enrolments
each and an attempt for each enrolment whose lessons are done; 20,000 topics in the
bench course's forum, one of them with 20,000 posts and the others with 49, so
1,000,000 posts, each in the search index as Wagtail's PostgreSQL backend writes it;
2,000 open reports on 2,000 posts; 1,100 data-subject requests. Prints the seconds
each step took.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from modelsearch.backends.database.postgres.weights import get_weight  # noqa: E402
from prepare import DOMAIN, LEARNER  # noqa: E402

from courses.models import CoursePage  # noqa: E402
from forum.models import Post  # noqa: E402
from forum.services import forum_for_course  # noqa: E402
from portal.accounts.models import PupOffice, User  # noqa: E402

LEARNERS = 100_000
TOPICS = 20_000
BIG_TOPIC_POSTS = 20_000
POSTS_PER_TOPIC = 49  # 19,999 x 49 + 20,000 = 999,951 + the S posts: about 1,000,000
REPORTS = 2_000

STEPS = {
    "learners": """
        INSERT INTO accounts_user (password, is_superuser, is_staff, is_active,
            date_joined, email, first_name, last_name, status, pup_office_id,
            processing_restricted)
        SELECT %(password)s, false, false, true,
            now() - (n %% 700) * interval '1 day', 'l' || n || '@' || %(domain)s,
            'Anna', 'L' || n, %(status)s, %(office)s, false
        FROM generate_series(1, %(learners)s) AS n
    """,
    "addresses": """
        INSERT INTO account_emailaddress (email, verified, "primary", user_id)
        SELECT email, true, true, id FROM accounts_user
        WHERE email LIKE 'l%%@' || %(domain)s
    """,
    "enrolments": """
        INSERT INTO courses_enrollment (enrolled_at, lessons_completed_at, passed_at,
            course_id, user_id)
        SELECT u.date_joined,
            CASE WHEN u.id %% 5 < 3 THEN u.date_joined + interval '9 days' END,
            CASE WHEN u.id %% 5 < 2 THEN u.date_joined + interval '10 days' END,
            c.course_id, u.id
        FROM accounts_user u
        JOIN LATERAL (
            SELECT (%(courses)s::int[])[
                1 + (u.id + k) %% cardinality(%(courses)s::int[])] AS course_id
            FROM generate_series(0, (u.id %% 2)::int) AS k
        ) c ON true
        WHERE u.email LIKE 'l%%@' || %(domain)s
    """,
    "attempts": """
        INSERT INTO courses_attempt (number, status, started_at, deadline,
            submitted_at, questions, responses, score_percent, passed, enrollment_id)
        SELECT 1, 'submitted', e.lessons_completed_at, NULL,
            e.lessons_completed_at + interval '20 minutes', '[]'::jsonb, '{}'::jsonb,
            CASE WHEN e.passed_at IS NULL THEN 40 ELSE 85 END,
            e.passed_at IS NOT NULL, e.id
        FROM courses_enrollment e JOIN accounts_user u ON u.id = e.user_id
        WHERE e.lessons_completed_at IS NOT NULL AND u.email LIKE 'l%%@' || %(domain)s
    """,
    "topics": """
        INSERT INTO forum_topic (title, created_at, last_activity_at, reply_count,
            is_locked, is_pinned, author_id, forum_id)
        SELECT 'Temat ' || n || ': ' || (ARRAY['rozmowa kwalifikacyjna', 'CV i list',
                'staż', 'szkolenie', 'praca zdalna'])[1 + n %% 5],
            now() - interval '400 days' + n * interval '20 minutes',
            now() - interval '400 days' + n * interval '20 minutes',
            CASE WHEN n = 1 THEN %(big)s - 1 ELSE %(per_topic)s - 1 END,
            false, false, (SELECT min(id) FROM accounts_user) + n %% 1000, %(forum)s
        FROM generate_series(1, %(topics)s) AS n
    """,
    "posts": """
        INSERT INTO forum_post (body, body_html, created_at, edited_at, is_hidden,
            author_id, quoted_id, topic_id)
        SELECT b.body, '<p>' || b.body || '</p>',
            t.created_at + k * interval '1 second', NULL, false,
            %(first_user)s + (t.id + k) %% %(learners)s, NULL, t.id
        FROM forum_topic t
        JOIN LATERAL generate_series(0, t.reply_count) AS k ON true
        JOIN LATERAL (SELECT (ARRAY[
            'Dziękuję za radę, rozmowa poszła dobrze.',
            'Czy ktoś zna dobre szkolenie z obsługi arkusza kalkulacyjnego?',
            'Polecam przygotować krótkie CV i list motywacyjny.',
            'Na stażu nauczyłam się więcej niż na kursie.',
            'Praca zdalna wymaga dobrej organizacji dnia.'])[1 + (t.id + k) %% 5]
            || ' (' || k || ')' AS body) b ON true
        WHERE t.forum_id = %(forum)s AND t.title LIKE 'Temat %%'
    """,
    "topic activity": """
        UPDATE forum_topic t SET last_activity_at = t.created_at
            + t.reply_count * interval '1 second'
        WHERE t.forum_id = %(forum)s AND t.title LIKE 'Temat %%'
    """,
    "search index": """
        INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm,
            autocomplete, title, body, title_text, body_text)
        SELECT %(post_type)s, p.id::text, 1.0, ''::tsvector, ''::tsvector,
            setweight(to_tsvector(p.body), %(weight)s), '', p.body
        FROM forum_post p
        WHERE NOT p.is_hidden AND p.body <> ''
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """,
    "reports": """
        INSERT INTO forum_report (reason, comment, status, created_at, handled_at,
            handled_by_id, post_id, reporter_id)
        SELECT (ARRAY['offensive', 'spam', 'off_topic', 'other'])[1 + p.id %% 4], '',
            'open', now() - (p.id %% 30) * interval '1 hour', NULL, NULL, p.id,
            %(first_user)s + p.id %% %(learners)s
        FROM (SELECT id FROM forum_post ORDER BY id DESC LIMIT %(reports)s) p
    """,
    "data requests": """
        INSERT INTO privacy_datarequest (requester_name, requester_email, kind,
            details, status, received_at, due_at, extension_reason, outcome,
            closed_at, created_at, user_id)
        SELECT 'Anna L' || n, 'l' || n || '@' || %(domain)s,
            (ARRAY['information', 'copy', 'erasure', 'rectification'])[1 + n %% 4], '',
            CASE WHEN n <= 100 THEN 'received' ELSE 'completed' END,
            now() - n * interval '6 hours', now() - n * interval '6 hours'
                + interval '1 month', '', '',
            CASE WHEN n > 100 THEN now() - n * interval '5 hours' END,
            now() - n * interval '6 hours', NULL
        FROM generate_series(1, 1100) AS n
    """,
}


def main():
    if "--check" in sys.argv:
        present = User.objects.filter(email=f"l{LEARNERS}@{DOMAIN}").exists()
        print("L present" if present else "L absent")
        return
    if User.objects.filter(email=f"l{LEARNERS}@{DOMAIN}").exists():
        print("size L already in place")
        return
    course = CoursePage.objects.live().order_by("path").first()
    params = {
        "domain": DOMAIN,
        "learners": LEARNERS,
        "password": User.objects.get(email=LEARNER).password,
        "status": User.Status.UNEMPLOYED,
        "office": PupOffice.objects.values_list("pk", flat=True).first(),
        "courses": list(CoursePage.objects.live().values_list("pk", flat=True)),
        "forum": forum_for_course(course=course).pk,
        "topics": TOPICS,
        "big": BIG_TOPIC_POSTS,
        "per_topic": POSTS_PER_TOPIC,
        "reports": REPORTS,
        "post_type": ContentType.objects.get_for_model(Post).pk,
        "weight": get_weight(None),
    }
    started = time.perf_counter()
    for name, sql in STEPS.items():
        step = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            if name == "posts":
                cursor.execute(
                    "SELECT min(id) FROM accounts_user WHERE email LIKE %s",
                    [f"l%@{DOMAIN}"],
                )
                params["first_user"] = cursor.fetchone()[0]
            cursor.execute(sql, params)
            rows = cursor.rowcount
        print(f"  L: {name:15} {rows:>9} rows {time.perf_counter() - step:6.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  L: generated in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
