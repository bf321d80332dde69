"""Fuzz every form and query parameter of the portal with hypothesis.

Whatever a visitor sends, the portal answers with the form again (with an error on
the field), a redirect, or a refusal it means (400, 403, 404, 405, 429); never a
500. A script someone types is never sent back unescaped.

Each test builds its data once and runs an inner `@given` function against it:
hypothesis and pytest-django's function-scoped fixtures do not mix otherwise.
Examples are derandomised so that CI runs the same inputs every time; set
FORM_FUZZ_SCALE (e.g. 10) to look further on a quiet afternoon.
"""

import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

pytestmark = pytest.mark.django_db

# Hypothesis caches what it learns about the source (even with no example
# database); keep that out of the working tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "kdp-hypothesis")

SCALE = float(os.environ.get("FORM_FUZZ_SCALE", "1"))


def fuzz(examples: int):
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# What a hostile or clumsy visitor types ---------------------------------------------

XSS = (
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "[klik](javascript:alert(1))",
    "<a href='javascript:alert(1)'>a</a>",
)
NASTY = (
    *XSS,
    "' OR '1'='1' --",
    "1; DROP TABLE accounts_user; --",
    "Robert'); DELETE FROM forum_post; --",
    '" OR ""="',
    "%' AND 1=1 --",
    "Zażółć gęślą jaźń",
    "ŁĄCZNA ŚCIEŻKA Źródło",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202egnp.exe",
    "👩🏽‍💻🎓🇵🇱",
    "\x00",
    "a\x00b",
    "\r\nBcc: ofiara@example.org",
    "{{ 7|add:7 }}",
    "{% csrf_token %}",
    "${7*7}",
    "../../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "0x1F",
    "١٢٣",
    "",
    " ",
    "\t\n",
    "\ufeff",
    "\u200b",
    "[" * 150,
    "*" * 60,
    "@",
    "jan@example.org",
    "ąę@żółw.pl",
    "a@b@c",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\\evil.example",
)
TEXT = st.text(st.characters(codec="utf-8"), max_size=120)
LONG = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(["a", "ą", "😀", "[", "<b>", "' OR 1=1 -- ", "*_", "\n"]),
    st.integers(500, 12_000),
)
SHORT = st.one_of(
    st.sampled_from(NASTY),
    TEXT,
    st.integers(-(2**70), 2**70).map(str),
)
SCALAR = st.one_of(SHORT, LONG)
# A field sent once, or repeated (the browser sends a list).
VALUE = st.one_of(SCALAR, st.lists(SCALAR, min_size=2, max_size=3))
# Fields nobody asked for: mass assignment and CSRF-ish noise.
STRAY_FIELDS = ("id", "pk", "user", "is_staff", "is_superuser", "next")


@st.composite
def submissions(draw, valid: dict, good: dict | None = None):
    """A form built from scratch, or a valid one with fields changed or dropped."""
    good = good or {}
    names = sorted(valid) + [name for name in STRAY_FIELDS if name not in valid]

    def value_for(name):
        if good.get(name):
            return draw(st.one_of(st.sampled_from(good[name]), VALUE))
        return draw(VALUE)

    if draw(st.booleans()):
        return {name: value_for(name) for name in draw(st.sets(st.sampled_from(names)))}
    data = dict(valid)
    for name in draw(st.sets(st.sampled_from(names), max_size=3)):
        if name in data and draw(st.booleans()):
            del data[name]
        else:
            data[name] = value_for(name)
    return data


# What the portal must answer ----------------------------------------------------------

# Errors on fields, the summary above a form, or a warning message.
ERROR_SHOWN = (
    b'class="errorlist',
    b'class="form-errors"',
    b"message--warning",
    b"message--error",
)


def error_shown(response) -> bool:
    return any(marker in response.content for marker in ERROR_SHOWN)


def limits_reset():
    """Forget rate limits and login failures, so the next example tests the form."""
    from axes.utils import reset

    cache.clear()
    reset()


class InjectedScript(HTMLParser):
    """Markup from the payloads that a browser would run: the page is not escaped.

    The payloads may appear as text (escaped, or inside a code sample); only
    elements, attributes and script bodies carrying them count.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = False

    @classmethod
    def find(cls, html: str) -> list:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser.found

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            value = "".join((value or "").split()).lower()
            if name.startswith("on") and "alert(" in value:
                self.found.append(f"<{tag} {name}={value}>")
            if name in {"href", "src", "action", "formaction"} and value.startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def assert_handled(response, allowed=(200, 302)):
    """Not a crash, an expected status, and no payload echoed unescaped.

    400 is always fine: Django refuses a malformed request (a field name past the
    header size limit, say) before any view sees it.
    """
    assert response.status_code != 500
    assert response.status_code in (*allowed, 400), response.status_code
    injected = InjectedScript.find(response.content.decode(errors="replace"))
    assert not injected, f"script injected into the page: {injected}"


def assert_form_or_redirect(response, data, success_templates=()):
    """A form view either moves on or shows the form again with its errors.

    An empty POST leaves the form unbound (`request.POST or None`), so it comes
    back blank, without errors.
    """
    assert_handled(response)
    redirected = getattr(response, "redirect_chain", None)
    if data and response.status_code == 200 and not redirected:
        names = {template.name for template in response.templates}
        if not names & set(success_templates):
            assert error_shown(response), "200 without an error shown"


def as_header(text: str) -> str:
    """Text as a WSGI server hands a header over: its UTF-8 bytes read as Latin-1."""
    return text.replace("\x00", "").encode().decode("latin-1")


# Accounts -----------------------------------------------------------------------------


def test_fuzzed_signup_shows_the_form_again_or_moves_on(client, offices, site_content):
    from portal.accounts.models import User

    office_ids = [str(pk) for pk in offices.values_list("pk", flat=True)[:3]]
    valid = {
        "first_name": "Zofia",
        "last_name": "Wójcik",
        "email": "zofia.fuzz@example.org",
        "password1": "Lipa-Sad-Ogrod-2026",
        "password2": "Lipa-Sad-Ogrod-2026",
        "status": User.Status.JOB_SEEKER,
        "pup_office": office_ids[0],
        "accept_terms": "on",
        "accept_privacy": "on",
    }
    good = {
        "status": [*User.Status.values, "admin", "UNEMPLOYED"],
        "pup_office": [*office_ids, "0", "-1", str(2**63)],
        "email": ["anna@example.org", "ANNA@EXAMPLE.ORG", "anna@example"],
    }

    @fuzz(40)
    @given(data=submissions(valid, good))
    def check(data):
        limits_reset()
        client.logout()
        response = client.post(reverse("account_signup"), data)
        assert_form_or_redirect(response, data)

    check()
    assert not User.objects.filter(is_staff=True).exists()


def test_fuzzed_login_never_crashes(client, learner, password):
    valid = {"login": learner.email, "password": password, "remember": "on"}

    @fuzz(30)
    @given(data=submissions(valid, {"login": [learner.email, learner.email.upper()]}))
    def check(data):
        limits_reset()
        client.logout()
        response = client.post(reverse("account_login"), data)
        assert_form_or_redirect(response, data)

    check()


def test_fuzzed_password_reset_never_crashes(client, learner):
    @fuzz(30)
    @given(data=submissions({"email": learner.email}))
    def check(data):
        limits_reset()
        response = client.post(reverse("account_reset_password"), data)
        assert_form_or_redirect(response, data)

    check()


def test_fuzzed_my_data_keeps_the_data_valid(client, learner, offices):
    from portal.accounts.models import User

    client.force_login(learner)
    office_ids = [str(pk) for pk in offices.values_list("pk", flat=True)[:3]]
    valid = {
        "first_name": "Anna",
        "last_name": "Nowak",
        "status": User.Status.UNEMPLOYED,
        "pup_office": office_ids[0],
    }
    good = {"status": User.Status.values, "pup_office": office_ids}

    @fuzz(30)
    @given(data=submissions(valid, good))
    def check(data):
        response = client.post(reverse("accounts:my_data"), data, follow=True)
        assert_form_or_redirect(response, data)

    check()
    learner.refresh_from_db()
    assert learner.status in User.Status.values
    assert learner.email.endswith("@example.org")
    assert not learner.is_staff


def test_fuzzed_email_change_never_crashes(client, learner):
    client.force_login(learner)
    actions = ["action_add", "action_send", "action_remove", "action_primary"]

    @fuzz(30)
    @given(
        action=st.sampled_from([*actions, "action_unknown"]),
        data=submissions(
            {"email": "nowy.adres@example.org"},
            {"email": [learner.email, "nowy.adres@example.org", "NOWY@example.org"]},
        ),
    )
    def check(action, data):
        limits_reset()
        response = client.post(reverse("account_email"), {action: "", **data})
        assert_handled(response)

    check()
    learner.refresh_from_db()
    assert learner.email.endswith("@example.org")


def test_fuzzed_document_acceptance_never_crashes(client, learner, site_content):
    from portal.accounts.models import LegalAcceptance
    from privacy.models import LegalSettings

    legal = LegalSettings.objects.get()
    legal.terms_version = "9.9"
    legal.save()
    client.force_login(learner)
    shown = f"terms:9.9|privacy:{legal.privacy_version}"
    valid = {"shown_versions": shown, "terms": "on", "next": "/moje-kursy/"}

    @fuzz(20)
    @given(data=submissions(valid, {"shown_versions": [shown, "terms:1|privacy:1"]}))
    def check(data):
        LegalAcceptance.objects.filter(user=learner, version="9.9").delete()
        response = client.post(reverse("accounts:accept_documents"), data)
        assert_form_or_redirect(response, data)

    check()


# Pages --------------------------------------------------------------------------------


def test_fuzzed_contact_form_shows_the_form_again_or_thanks(client, site_content):
    valid = {
        "name": "Ewa Łączna",
        "email": "ewa@example.org",
        "message": "Jak zmienić urząd pracy?",
        "website": "",
    }

    @fuzz(40)
    @given(data=submissions(valid))
    def check(data):
        limits_reset()
        response = client.post("/kontakt/", data)
        assert_form_or_redirect(response, data)

    check()


def test_fuzzed_display_settings_always_redirect_on_the_portal(client, site_content):
    valid = {"size": "large", "contrast": "high", "next": "/faq/"}
    good = {
        "size": ["normal", "large", "xlarge"],
        "contrast": ["high", "normal"],
        "next": ["/", "/faq/", "https://evil.example/", "//evil.example"],
    }

    @fuzz(30)
    @given(data=submissions(valid, good))
    @example(data={"next": "ustawienia"})  # was a 500: taken for a view name
    def check(data):
        response = client.post(reverse("display_settings"), data)
        assert_handled(response, allowed=(302,))
        assert response.url.startswith(("/", "http://testserver/"))
        assert not response.url.startswith("//")

    check()
    assert client.get("/").status_code == 200


def test_fuzzed_display_cookie_is_ignored_when_it_is_nonsense(client, site_content):
    from portal.pages.display import COOKIE_NAME

    @fuzz(20)
    @given(raw=st.one_of(st.sampled_from(NASTY), st.text(max_size=60)))
    def check(raw):
        client.cookies[COOKIE_NAME] = as_header(raw)
        assert_handled(client.get("/faq/"), allowed=(200,))

    check()


def test_fuzzed_search_never_crashes(client, site_content):
    @fuzz(40)
    @given(params=submissions({"q": "kurs", "page": "2"}))
    @example(params={"q": '"><img src=x onerror=alert(1)>'})  # was a 500 on SQLite
    @example(params={"q": "a\x00b"})  # was a 500 on SQLite and PostgreSQL
    def check(params):
        response = client.get(reverse("search"), params)
        assert_handled(response, allowed=(200,))

    check()


# Courses ------------------------------------------------------------------------------


def test_fuzzed_list_pages_ignore_nonsense_parameters(client, learner, enrolled):
    client.force_login(learner)
    urls = ["/kursy/", reverse("courses:dashboard"), enrolled.course.url, "/faq/"]

    @fuzz(30)
    @given(
        url=st.sampled_from(urls),
        params=submissions({"page": "1", "strona": "1", "q": "kurs", "kod": "x"}),
    )
    def check(url, params):
        assert_handled(client.get(url, params), allowed=(200,))

    check()


def test_fuzzed_check_question_answers_give_feedback_or_an_error(client, enrolled):
    client.force_login(enrolled.user)
    lesson = enrolled.course.lessons().first()
    block = next(b for b in lesson.body if b.block_type == "check")
    answer_ids = [item.id for item in block.value["answers"].bound_blocks]
    field = f"check-{block.id}-answer"
    url = lesson.url + f"sprawdz/{block.id}/"

    @fuzz(30)
    @given(data=submissions({field: answer_ids[0]}, {field: answer_ids}))
    def check(data):
        assert_handled(client.post(url, data), allowed=(200,))

    check()


def test_fuzzed_check_question_ids_in_the_address_are_not_found(client, enrolled):
    client.force_login(enrolled.user)
    lesson = enrolled.course.lessons().first()

    @fuzz(20)
    @given(block_id=SCALAR.filter(bool))
    def check(block_id):
        url = lesson.url + f"sprawdz/{quote(block_id, safe='')}/"
        assert_handled(client.post(url, {"answer": "x"}), allowed=(404,))

    check()


@st.composite
def attempt_answers(draw, questions):
    """Answers to an attempt: real ids, wrong types, unknown questions, huge text."""
    answer_ids = [a["id"] for q in questions for a in q["answers"]]
    fields = [f"q-{q['id']}" for q in questions]
    answer = st.one_of(st.sampled_from(answer_ids), SCALAR)
    data = {}
    for name in draw(st.sets(st.sampled_from(fields))):
        data[name] = draw(st.one_of(answer, st.lists(answer, min_size=2, max_size=4)))
    for name in draw(st.lists(SHORT, max_size=2)):
        data[f"q-{name}"] = draw(VALUE)
    if draw(st.booleans()):
        data["submit"] = draw(SCALAR)
    return data


def test_fuzzed_end_test_answers_save_or_grade_never_crash(client, ready_for_test):
    from courses import services
    from courses.models import Attempt, Enrollment

    enrollment = ready_for_test
    client.force_login(enrollment.user)
    course = enrollment.course
    attempt = services.attempt_start(enrollment=enrollment)
    url = course.route_url("test_take", attempt.number)

    @fuzz(40)
    @given(data=attempt_answers(attempt.questions))
    def check(data):
        Attempt.objects.filter(enrollment=enrollment).delete()
        Enrollment.objects.filter(pk=enrollment.pk).update(passed_at=None)
        Attempt.objects.create(
            enrollment=enrollment, number=1, questions=attempt.questions
        )
        response = client.post(url, data)
        assert_handled(response)
        saved = Attempt.objects.get(enrollment=enrollment)
        shown = {a["id"] for q in attempt.questions for a in q["answers"]}
        for question_id, chosen in saved.responses.items():
            assert question_id in {q["id"] for q in attempt.questions}
            assert set(chosen) <= shown

    check()


def test_fuzzed_attempt_numbers_of_others_are_not_found(client, ready_for_test):
    client.force_login(ready_for_test.user)
    course = ready_for_test.course

    @fuzz(15)
    @given(number=st.integers(0, 2**64))
    def check(number):
        url = course.url + f"test/{number}/"
        assert_handled(client.post(url, {"submit": "1"}), allowed=(404,))

    check()


def test_fuzzed_certificate_lookup_never_crashes(client, ready_for_test):
    from courses.services import certificate_issue

    certificate = certificate_issue(enrollment=ready_for_test)
    code = certificate.verification_code
    codes = [code, code.lower(), f"{code[:4]}-{code[4:8]}-{code[8:]}", code[:-1]]

    @fuzz(30)
    @given(
        raw=st.one_of(st.sampled_from(codes), SCALAR, st.lists(SCALAR, min_size=2)),
        in_path=st.booleans(),
    )
    def check(raw, in_path):
        limits_reset()
        if in_path and isinstance(raw, str) and raw.strip():
            url = reverse("courses:verify_code", args=["x"])
            url = url.replace("/x/", f"/{quote(raw, safe='')}/")
            response = client.get(url)
            assert_handled(response, allowed=(200, 404))
        else:
            response = client.get(reverse("courses:verify"), {"kod": raw})
            assert_handled(response, allowed=(200,))

    check()


# Forum --------------------------------------------------------------------------------

POST_VALID = {"body": "Dzień dobry, mam pytanie.", "confirm_personal_data": ""}


def test_fuzzed_new_topic_shows_the_form_again_or_the_topic(client, forum, learner):
    from forum.services import forum_profile_choose

    forum_profile_choose(user=learner, shown_as="name")
    client.force_login(learner)
    valid = {"title": "Pytanie o lekcję", **POST_VALID}
    url = reverse("forum:topic_new", args=[forum.pk])

    @fuzz(40)
    @given(data=submissions(valid, {"confirm_personal_data": ["on", ""]}))
    def check(data):
        limits_reset()
        assert_form_or_redirect(client.post(url, data, follow=True), data)

    check()


def test_fuzzed_reply_shows_the_form_again_or_the_post(client, topic):
    from forum.services import forum_profile_choose
    from tests.factories.accounts import UserFactory

    member = UserFactory()
    forum_profile_choose(user=member, shown_as="pseudonym", pseudonym="Odpowiadająca")
    client.force_login(member)
    first = topic.posts.first()
    valid = {**POST_VALID, "quoted": str(first.pk)}
    url = reverse("forum:topic", args=[topic.pk])

    @fuzz(40)
    @given(data=submissions(valid, {"quoted": [str(first.pk), "0", ""]}))
    @example(data={**valid, "quoted": "abc"})  # was a 500
    def check(data):
        limits_reset()
        topic.posts.exclude(pk=first.pk).delete()
        assert_form_or_redirect(client.post(url, data, follow=True), data)

    check()


def test_fuzzed_edit_shows_the_form_again_or_the_post(client, topic, learner):
    client.force_login(learner)
    post = topic.posts.first()
    url = reverse("forum:post_edit", args=[post.pk])

    @fuzz(30)
    @given(data=submissions(POST_VALID, {"confirm_personal_data": ["on"]}))
    def check(data):
        limits_reset()
        assert_form_or_redirect(client.post(url, data, follow=True), data)

    check()


def test_fuzzed_report_shows_the_form_again_or_thanks(client, topic):
    from forum.models import Report
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory())
    post = topic.posts.first()
    url = reverse("forum:post_report", args=[post.pk])
    valid = {"reason": Report.Reason.SPAM, "comment": "Reklama."}

    @fuzz(30)
    @given(data=submissions(valid, {"reason": Report.Reason.values}))
    def check(data):
        limits_reset()
        assert_form_or_redirect(client.post(url, data), data)

    check()


def test_fuzzed_forum_display_name_never_crashes(client, forum, learner):
    client.force_login(learner)

    valid = {"shown_as": "pseudonym", "display_name": "Anna z Tarnowa"}

    @fuzz(20)
    @given(data=submissions(valid, {"shown_as": ["pseudonym", "name"]}))
    def check(data):
        response = client.post(reverse("forum:display_name"), data, follow=True)
        assert_form_or_redirect(response, data)

    check()


def test_fuzzed_posts_before_choosing_a_name_keep_the_text_and_publish_nothing(
    client, topic
):
    """Until the member chooses how they appear, a post is kept on the form."""
    from html import escape

    from forum.models import Post, Topic
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory())
    urls = [
        reverse("forum:topic_new", args=[topic.forum_id]),
        reverse("forum:topic", args=[topic.pk]),
    ]
    valid = {"title": "Pytanie o lekcję", **POST_VALID}
    posts, topics = Post.objects.count(), Topic.objects.count()

    @fuzz(30)
    @given(
        url=st.sampled_from(urls),
        data=submissions(valid, {"confirm_personal_data": ["on", ""]}),
    )
    @example(url=urls[0], data={})  # was a 500
    @example(url=urls[1], data={})  # was a 500
    def check(url, data):
        limits_reset()
        response = client.post(url, data)
        assert_handled(response, allowed=(200,))
        html = response.content.decode()
        assert reverse("forum:display_name") in html
        if data:
            assert error_shown(response)
        body = data.get("body")
        if isinstance(body, str) and body.strip() and "\x00" not in body:
            assert escape(body.strip()) in html
        assert (Post.objects.count(), Topic.objects.count()) == (posts, topics)

    check()


def test_fuzzed_forum_list_parameters_never_crash(client, topic, learner):
    client.force_login(learner)
    post = topic.posts.first()
    urls = [
        reverse("forum:index", args=[topic.forum_id]),
        reverse("forum:topic", args=[topic.pk]),
    ]
    valid = {"q": "temat", "strona": "1", "cytuj": str(post.pk)}

    @fuzz(40)
    @given(url=st.sampled_from(urls), params=submissions(valid))
    @example(url=urls[0], params={"q": 'pytanie "o lekcję'})  # was a 500 on SQLite
    @example(url=urls[1], params={"cytuj": "abc"})  # was a 500
    @example(url=urls[1], params={"cytuj": str(2**64)})  # too big for the database
    def check(url, params):
        assert_handled(client.get(url, params), allowed=(200,))

    check()


def test_fuzzed_forum_tokens_in_the_address_are_not_found(client, topic, learner):
    client.force_login(learner)

    @fuzz(20)
    @given(
        name=st.sampled_from(["forum:unsubscribe", "privacy:confirm_request"]),
        token=SCALAR.filter(lambda text: text.strip()),
    )
    def check(name, token):
        url = reverse(name, args=["x"]).replace("/x/", f"/{quote(token, safe='')}/")
        assert_handled(client.get(url), allowed=(404,))

    check()


# Privacy ------------------------------------------------------------------------------


def test_fuzzed_public_data_request_shows_the_form_again_or_thanks(
    client, site_content
):
    from privacy.models import DataRequest

    valid = {
        "name": "Jan Kowalski",
        "email": "jan.kowalski@example.org",
        "kind": DataRequest.Kind.COPY,
        "details": "Proszę o kopię.",
    }

    @fuzz(40)
    @given(data=submissions(valid, {"kind": DataRequest.Kind.values}))
    def check(data):
        response = client.post(reverse("privacy:public_request"), data)
        assert_form_or_redirect(response, data, ["privacy/request_sent.html"])

    check()


def test_fuzzed_learners_data_request_shows_the_form_again_or_the_list(client, learner):
    from privacy.models import DataRequest

    client.force_login(learner)
    valid = {"kind": DataRequest.Kind.INFORMATION, "details": "Co przetwarzacie?"}
    # A copy is prepared at once; the other kinds are enough for the form itself.
    kinds = [kind for kind in DataRequest.Kind.values if kind != "copy"]

    @fuzz(30)
    @given(data=submissions(valid, {"kind": kinds}))
    def check(data):
        if data.get("kind") == "copy":
            data["kind"] = "information"
        DataRequest.objects.filter(user=learner).delete()
        response = client.post(reverse("privacy:my_requests"), data, follow=True)
        assert_form_or_redirect(response, data)

    check()


def test_fuzzed_cookie_decisions_always_redirect(client, site_content):
    valid = {"action": "allow", "category": "analytics", "next": "/faq/"}
    good = {
        "action": ["accept_all", "reject_all", "allow"],
        "category": ["analytics", "multimedia", "necessary"],
    }

    @fuzz(30)
    @given(data=submissions(valid, good))
    @example(data={"action": "reject_all", "next": "privacy:export"})  # was a 500
    def check(data):
        response = client.post(reverse("privacy:decide"), data)
        assert_handled(response, allowed=(302,))

    check()


def test_fuzzed_cookie_settings_always_redirect(client, site_content):
    valid = {"analytics": "on", "multimedia": "on"}

    @fuzz(20)
    @given(data=submissions(valid, {"analytics": ["on"], "multimedia": ["on"]}))
    def check(data):
        response = client.post(reverse("privacy:cookie_settings"), data)
        assert_handled(response, allowed=(302,))

    check()


def test_fuzzed_consent_cookie_is_ignored_when_it_is_forged(client, site_content):
    from privacy.consent import COOKIE_NAME

    @fuzz(20)
    @given(raw=st.one_of(st.sampled_from(NASTY), st.text(max_size=60)))
    def check(raw):
        client.cookies[COOKIE_NAME] = as_header(raw)
        assert_handled(client.get(reverse("privacy:cookie_settings")), (200,))

    check()


# Rate limits --------------------------------------------------------------------------


def test_rate_limited_forms_refuse_with_429_or_the_form_never_500(
    client, topic, learner, settings
):
    """Past every limit, fuzzed input still gets a refusal, never a crash."""
    from courses.services import VERIFICATION_LIMIT
    from forum.models import Report
    from forum.services import REPORT_LIMIT, forum_profile_choose
    from portal.pages.views import CONTACT_LIMIT
    from tests.factories.accounts import UserFactory

    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login": "2/m/ip",
        "reset_password": "2/m/ip",
        "signup": "2/m/ip",
        "manage_email": "2/m/user",
    }
    post = topic.posts.first()
    forms = {
        reverse("account_login"): {"login": learner.email, "password": "zle-haslo"},
        reverse("account_reset_password"): {"email": learner.email},
        reverse("account_signup"): {"email": "nowa@example.org"},
        "/kontakt/": {"name": "Ewa", "email": "ewa@example.org", "message": "Hej"},
    }
    member_forms = {
        reverse("forum:topic_new", args=[topic.forum_id]): {
            "title": "Temat",
            "body": "Treść",
        },
        reverse("forum:topic", args=[topic.pk]): {"body": "Odpowiedź"},
        reverse("forum:post_report", args=[post.pk]): {"reason": Report.Reason.SPAM},
        reverse("account_email"): {"action_add": "", "email": "inny@example.org"},
    }
    member = UserFactory()
    forum_profile_choose(user=member, shown_as="name")
    last = {}
    for url, data in forms.items():
        for _ in range(CONTACT_LIMIT[0] + 1):
            last[url] = client.post(url, data)
    client.force_login(member)
    for url, data in member_forms.items():
        for _ in range(REPORT_LIMIT[0] + 1):
            last[url] = client.post(url, data)
    for _ in range(VERIFICATION_LIMIT + 1):
        verify = client.get(reverse("courses:verify"), {"kod": "ABCD-EFGH-IJKL"})
    for url, response in last.items():
        assert response.status_code == 429 or (
            response.status_code == 200 and error_shown(response)
        ), f"{url} is not limited"
    assert verify.status_code == 429

    refusals = (200, 302, 403, 404, 429)

    @fuzz(30)
    @given(
        signed_in=st.booleans(),
        url=st.sampled_from([*forms, *member_forms]),
        data=submissions({"login": learner.email, "email": "a@example.org"}),
    )
    def check(signed_in, url, data):
        if signed_in:
            client.force_login(member)
        else:
            client.logout()
        response = client.post(url, data)
        assert_handled(response, allowed=refusals)
        if response.status_code == 200:
            assert error_shown(response) or b"<form" in response.content
        verify = client.get(reverse("courses:verify"), {"kod": data.get("email", "")})
        assert_handled(verify, allowed=(200, 429))

    check()


# Shapes that once gave a 500 ----------------------------------------------------------

# Markdown builds nested lists by recursion, which gave out near 495 levels.
NESTED = st.one_of(
    st.builds(
        lambda marker, depth, tail: marker * depth + tail,
        st.sampled_from(["- ", "* ", "+ ", "1. ", "> ", "> - ", "- > ", ">"]),
        st.integers(15, 700),
        st.text(st.characters(categories=["L", "N", "Zs"]), max_size=40),
    ),
    st.builds(
        lambda indent, depth: "\n".join(indent * i + "- x" for i in range(depth)),
        st.sampled_from(["  ", "    ", "\t"]),
        st.integers(10, 70),
    ),
)


def test_fuzzed_deep_nesting_keeps_the_post_on_the_form(client, topic, learner):
    from html import escape

    client.force_login(learner)
    first = topic.posts.first()
    forms = {
        reverse("forum:topic_new", args=[topic.forum_id]): {"title": "Lista"},
        reverse("forum:topic", args=[topic.pk]): {},
        reverse("forum:post_edit", args=[first.pk]): {},
    }

    @fuzz(30)
    @given(url=st.sampled_from(sorted(forms)), body=NESTED)
    @example(url=sorted(forms)[1], body="- " * 495 + "x")  # was a 500
    def check(url, body):
        limits_reset()
        topic.posts.exclude(pk=first.pk).delete()
        response = client.post(url, {"body": body, **forms[url]})
        assert_handled(response)
        if response.status_code == 200:
            assert error_shown(response)
            assert escape(body.strip()) in response.content.decode()

    check()


def text_routes(patterns=None, prefix=""):
    """Every URL pattern of the portal, as a route with its parameters in it."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from text_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and "(?P" not in route:
            yield route.lstrip("^").rstrip("$")


PARAMETER = re.compile(r"<(?:(\w+):)?\w+>")


def fill(route: str, value: str) -> str:
    """The route with `value` in every text parameter and 1 in every number."""

    def parameter(match):
        return "1" if match[1] == "int" else quote(value, safe="")

    return "/" + PARAMETER.sub(parameter, route)


WITH_NUL = st.builds(
    lambda before, after: f"{before}\x00{after}", TEXT.map(str.strip), TEXT
)


def test_fuzzed_nul_in_any_address_gets_400_never_500(client, topic, learner):
    """NUL in a path segment of every pattern with a text parameter, and in a page's
    address, is refused before any lookup; PostgreSQL would refuse it in one."""
    routes = sorted(
        {
            route
            for route in text_routes()
            if any(match[1] != "int" for match in PARAMETER.finditer(route))
        }
    )
    pages = [topic.forum.course.url, topic.forum.course.lessons().first().url]

    @fuzz(60)
    @given(
        signed_in=st.booleans(),
        route=st.sampled_from(routes),
        page=st.sampled_from(pages),
        in_page=st.booleans(),
        value=WITH_NUL,
    )
    @example(
        signed_in=False,
        route="certyfikaty/<str:number>/",
        page=pages[0],
        in_page=False,
        value="\x00",
    )  # was a 500
    def check(signed_in, route, page, in_page, value):
        if signed_in:
            client.force_login(learner)
        else:
            client.logout()
        url = page + quote(value, safe="") + "/" if in_page else fill(route, value)
        assert_handled(client.get(url), allowed=())

    check()


def test_fuzzed_nul_in_a_query_string_gets_400_never_500(client, topic, learner):
    client.force_login(learner)
    urls = [
        "/",
        reverse("search"),
        reverse("courses:verify"),
        reverse("forum:topic", args=[topic.pk]),
        topic.forum.course.url,
    ]

    @fuzz(30)
    @given(
        url=st.sampled_from(urls),
        params=submissions({"q": "kurs", "kod": "ABCD", "strona": "1"}),
        name=st.sampled_from(["q", "kod", "strona", "cytuj", "\x00"]),
        value=WITH_NUL,
    )
    def check(url, params, name, value):
        response = client.get(url, {**params, name: value})
        assert_handled(response, allowed=())

    check()


def test_fuzzed_oversized_bodies_get_400_never_500(client, topic, learner):
    """Past DATA_UPLOAD_MAX_MEMORY_SIZE or DATA_UPLOAD_MAX_NUMBER_FIELDS, any form."""
    from django.conf import settings as django_settings

    urls = [
        reverse("account_login"),
        reverse("account_signup"),
        "/kontakt/",
        reverse("privacy:public_request"),
        reverse("forum:topic", args=[topic.pk]),
        reverse("forum:topic_new", args=[topic.forum_id]),
    ]
    too_big = django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    too_many = django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS

    @fuzz(12)
    @given(
        signed_in=st.booleans(),
        url=st.sampled_from(urls),
        body=st.one_of(
            st.integers(too_big + 1, 4 * too_big).map(
                lambda size: b"body=" + b"a" * size
            ),
            st.integers(too_many + 1, too_many + 50).map(
                lambda count: "&".join(f"f{n}=1" for n in range(count)).encode()
            ),
        ),
    )
    def check(signed_in, url, body):
        limits_reset()
        if signed_in:
            client.force_login(learner)
        else:
            client.logout()
        response = client.generic(
            "POST", url, body, content_type="application/x-www-form-urlencoded"
        )
        # A redirect to sign in, from a view that never read the body, is fine too.
        assert_handled(response, allowed=(302,))
        if response.status_code == 400:
            assert "400.html" in [template.name for template in response.templates]

    check()
