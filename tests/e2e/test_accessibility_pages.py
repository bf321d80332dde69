"""axe-core on every page and state a person meets, in each display mode.

The WCAG 2.0 and 2.1 A and AA rules must report nothing on: the public pages with
the cookie banner open, the learner's pages from the course to the certificate,
the forum, forms showing their errors, in normal and high-contrast modes and with
text at 200%.
"""

import pytest

from tests.e2e.helpers import sign_in
from tests.factories.accounts import UserFactory
from tests.factories.courses import (
    finish_lessons,
    make_course,
    pass_course,
    wrong_responses,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MODES = {
    "normal": "normal|normal",
    "high-contrast": "normal|high",
    "text-200": "xlarge|normal",
}


@pytest.fixture
def programme(site_content, learner):
    """A course the learner is studying: one failed attempt, one open, a forum."""
    from courses import services
    from forum.services import post_create, topic_create

    course = make_course(slug="komunikacja", cooldown_minutes=0, time_limit_minutes=30)
    enrollment = finish_lessons(learner, course)
    failed = services.attempt_start(enrollment=enrollment)
    services.attempt_submit(attempt=failed, responses=wrong_responses(failed))
    services.attempt_start(enrollment=enrollment)

    graduate = UserFactory(first_name="Zofia", last_name="Wiśniewska")
    certificate = services.certificate_issue(enrollment=pass_course(graduate, course))

    topic = topic_create(
        forum=course.forum,
        author=graduate,
        title="Jak przygotować się do rozmowy?",
        body="Co warto **powtórzyć** przed rozmową kwalifikacyjną?",
    )
    post_create(topic=topic, author=learner, body="> Co warto powtórzyć\n\nPytania.")
    return {"course": course, "topic": topic, "certificate": certificate}


def submit_empty(page, button):
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".errorlist, .error-summary").count() > 0, page.url


@pytest.mark.parametrize("mode", MODES)
def test_every_page_and_state_passes_axe(
    mode,
    browser,
    live_server,
    page,
    programme,
    learner,
    password,
    screenshot,
    assert_accessible,
):
    course, topic = programme["course"], programme["topic"]
    code = programme["certificate"].display_code
    checked = []

    def check(where, name):
        assert_accessible(where, enhanced_contrast=mode == "high-contrast")
        checked.append(name)

    display = [{"name": "kdp_display", "value": MODES[mode], "url": live_server.url}]
    page.context.add_cookies(display)

    # A visitor who has not decided about cookies: the banner is open everywhere.
    for url, name in [
        ("/", "home"),
        ("/kursy/", "catalogue"),
        ("/deklaracja-dostepnosci/", "accessibility statement"),
        ("/szukaj/?q=komunikacja", "search results"),
        (f"/weryfikacja-certyfikatu/?kod={code}", "certificate verification"),
        ("/ustawienia-cookies/", "cookie settings"),
        ("/konto/login/", "login"),
    ]:
        page.goto(url)
        assert page.get_by_role("region", name="Pliki cookies w portalu").is_visible()
        check(page, name)
    page.goto("/konto/signup/")
    submit_empty(page, "Zarejestruj się")
    check(page, "signup with errors")
    page.goto("/kontakt/")
    submit_empty(page, "Wyślij wiadomość")
    check(page, "contact form with errors")
    page.goto("/wniosek-rodo/")
    submit_empty(page, "Wyślij wniosek")
    check(page, "public data request with errors")

    learner_context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    learner_context.add_cookies(display)
    me = learner_context.new_page()
    sign_in(me, learner.email, password)
    for url, name in [
        (course.url, "course"),
        (course.lessons()[0].url, "lesson"),
        (course.route_url("test"), "end test overview"),
        (course.route_url("test_take", 2), "end test question"),
        (course.route_url("test_result", 1), "end test result"),
        ("/moje-kursy/", "dashboard"),
        (f"/forum/{course.forum.pk}/", "forum list"),
        (f"/forum/temat/{topic.pk}/", "topic"),
        ("/konto/moje-dane/", "Moje dane"),
        ("/konto/wnioski-rodo/", "data-request form"),
    ]:
        me.goto(url)
        if name == "end test question":
            # The time left is shown in minutes and not read out until 5 are left.
            assert me.locator("[data-timer-text]").inner_text() in ("29 min", "30 min")
            assert me.get_by_role("status").inner_text() == ""
        check(me, name)
    me.goto(f"/forum/temat/{topic.pk}/")
    submit_empty(me, "Opublikuj odpowiedź")
    check(me, "reply form with errors")
    me.goto(f"/forum/{course.forum.pk}/nowy-temat/")
    submit_empty(me, "Opublikuj temat")
    check(me, "new topic form with errors")
    screenshot(me, f"axe-{mode}-new-topic-errors")
    learner_context.close()

    assert len(checked) == 22
