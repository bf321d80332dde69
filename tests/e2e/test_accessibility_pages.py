"""axe-core and reflow on every page and state a person meets, in each display mode.

axe's default rules (WCAG 2.0/2.1 A and AA and the best practices, see
tests/e2e/accessibility.py) and the 320 px reflow check must report nothing on:
the public pages with the cookie banner open, news, search with and without
results, sign-in and sign-up with their errors, the learner's pages from the
course to the certificate, the forum, forms showing their errors, in normal and
high-contrast modes and with text at 200%. Every page is checked before the test
fails, so one run lists every page with a problem.
"""

import re

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
    """A course the learner is studying: one failed attempt, one open, a forum;
    another course the learner finished, with its certificate."""
    from courses import services
    from forum.services import forum_profile_choose, post_create, topic_create

    course = make_course(slug="komunikacja", cooldown_minutes=0, time_limit_minutes=30)
    enrollment = finish_lessons(learner, course)
    failed = services.attempt_start(enrollment=enrollment)
    services.attempt_submit(attempt=failed, responses=wrong_responses(failed))
    services.attempt_start(enrollment=enrollment)

    graduate = UserFactory(first_name="Zofia", last_name="Wiśniewska")
    forum_profile_choose(user=graduate, shown_as="name")
    certificate = services.certificate_issue(enrollment=pass_course(graduate, course))
    finished = make_course(slug="zespol")
    own = services.certificate_issue(enrollment=pass_course(learner, finished))

    topic = topic_create(
        forum=course.forum,
        author=graduate,
        title="Jak przygotować się do rozmowy?",
        body="Co warto **powtórzyć** przed rozmową kwalifikacyjną?",
    )
    # Written before names were chosen: signed "Uczestnik/uczestniczka #id".
    post_create(topic=topic, author=learner, body="> Co warto powtórzyć\n\nPytania.")
    return {
        "course": course,
        "topic": topic,
        "certificate": certificate,
        "own_certificate": own,
    }


def submit_empty(page, button):
    """Send the form untouched; `button` is the button's name or a pattern."""
    page.get_by_role("button", name=button, exact=isinstance(button, str)).click()
    page.wait_for_load_state()
    assert page.locator(".errorlist, .error-summary, .form-errors").count() > 0, (
        page.url
    )


def news_item_url(page):
    """The first news item the news list links to, if it links to any."""
    return page.evaluate(
        """() => [...document.querySelectorAll("main a[href]")]
            .map(a => new URL(a.href).pathname)
            .find(p => /^\\/aktualnosci\\/[^/]+\\/$/.test(p)) || null"""
    )


@pytest.mark.parametrize("mode", MODES)
def test_every_page_and_state_passes_axe_and_reflows(
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
    checked, failures, not_covered = [], {}, []

    def check(where, name):
        try:
            assert_accessible(where, enhanced_contrast=mode == "high-contrast")
        except AssertionError as error:
            failures[name] = str(error)
        checked.append(name)

    def visit(where, url, name):
        """Open the page and check it; a page that is not there yet is noted."""
        response = where.goto(url)
        if response is None or response.status >= 400:
            not_covered.append(f"{name} ({url}: {response and response.status})")
            return False
        check(where, name)
        return True

    display = [{"name": "kdp_display", "value": MODES[mode], "url": live_server.url}]
    page.context.add_cookies(display)

    # A visitor who has not decided about cookies: the banner is open everywhere.
    for url, name in [
        ("/", "home"),
        ("/kursy/", "catalogue"),
        (course.url, "course, signed out"),
        ("/faq/", "FAQ"),
        ("/regulamin/", "terms"),
        ("/polityka-prywatnosci/", "privacy policy"),
        ("/deklaracja-dostepnosci/", "accessibility statement"),
        ("/szukaj/", "search, empty"),
        ("/szukaj/?q=komunikacja", "search results"),
        ("/szukaj/?q=qqxqqz", "search without results"),
        ("/weryfikacja-certyfikatu/", "certificate verification form"),
        (f"/weryfikacja-certyfikatu/?kod={code}", "certificate verification"),
        ("/ustawienia-cookies/", "cookie settings"),
        ("/konto/login/", "login"),
        ("/nie-ma-takiej-strony/", "page not found"),
    ]:
        response = page.goto(url)
        if name != "page not found":
            assert response.status == 200, (url, response.status)
        assert page.get_by_role("region", name="Pliki cookies w portalu").is_visible()
        check(page, name)
    if visit(page, "/aktualnosci/", "news"):
        if item := news_item_url(page):
            visit(page, item, "news item")
        else:
            not_covered.append("news item (the news list links to none)")

    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(learner.email)
    page.get_by_label("Hasło").fill("nie-to-haslo")
    page.get_by_role("button", name=re.compile("^Zaloguj")).click()
    page.wait_for_load_state()
    check(page, "login with errors")
    page.goto("/konto/signup/")
    submit_empty(page, re.compile("^(Zarejestruj się|Załóż konto)$"))
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
        (course.route_url("test_finish", 2), "end test confirmation"),
        (course.route_url("test_result", 1), "end test result"),
        ("/moje-kursy/", "dashboard"),
        (f"/certyfikaty/{programme['own_certificate'].number}/", "certificate"),
        (f"/forum/{course.forum.pk}/", "forum list"),
        (f"/forum/temat/{topic.pk}/", "topic, before choosing a name"),
        (f"/forum/{course.forum.pk}/nowy-temat/", "new topic, before choosing"),
        ("/konto/moje-dane/", "Moje dane"),
        ("/konto/wnioski-rodo/", "data-request form"),
    ]:
        visit(me, url, name)
        if name == "end test question":
            # The time left is shown in minutes and not read out until 5 are left.
            assert me.locator("[data-timer-text]").inner_text() in ("29 min", "30 min")
            assert me.get_by_role("status").inner_text() == ""

    me.goto("/forum/moja-nazwa/")
    submit_empty(me, "Zapisz")
    check(me, "forum name with errors")
    me.get_by_label("Pseudonim wpisany poniżej").check()
    me.get_by_label("Pseudonim", exact=True).fill("Kasia z Tarnowa")
    me.get_by_role("button", name="Zapisz", exact=True).click()
    me.wait_for_load_state()
    # The message after the redirect is put into its live region anew once the
    # page has loaded, so screen readers read it out; its text never goes away.
    assert "Zapisano" in me.get_by_role("status").first.inner_text()
    me.locator(".messages[data-announced]").wait_for()
    assert "Zapisano" in me.get_by_role("status").first.inner_text()
    check(me, "forum name saved")
    me.goto(f"/forum/temat/{topic.pk}/")
    submit_empty(me, "Opublikuj odpowiedź")
    check(me, "reply form with errors")
    me.goto(f"/forum/{course.forum.pk}/nowy-temat/")
    submit_empty(me, "Opublikuj temat")
    check(me, "new topic form with errors")
    screenshot(me, f"axe-{mode}-new-topic-errors")
    learner_context.close()

    print(f"\n{mode}: checked {len(checked)} pages; not covered: {not_covered}")
    assert not failures, f"{len(failures)} of {len(checked)} pages fail:\n\n" + (
        "\n\n".join(f"== {name}\n{report}" for name, report in failures.items())
    )
    assert len(checked) >= 38, (checked, not_covered)
