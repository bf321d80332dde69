"""The warning before an idle session ends (WCAG 2.2.1), driven by the page clock."""

import time

import pytest
from django.conf import settings

from tests.e2e.helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def idle_for(page, seconds):
    """Make the server's record say the person did nothing for `seconds`."""
    from django.contrib.sessions.backends.db import SessionStore

    from portal.accounts.sessions import LAST_ACTIVITY_KEY

    (cookie,) = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    session = SessionStore(session_key=cookie["value"])
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()
    return session


def until_warning():
    """Page-clock time from a page load until the warning is due."""
    return (settings.SESSION_COOKIE_AGE - settings.SESSION_WARNING_SECONDS) * 1000 + 1


def test_the_warning_extends_the_session_and_then_says_it_ended(
    page, learner, password, course, screenshot, assert_accessible
):
    page.clock.install()
    sign_in(page, learner.email, password)
    page.goto("/kursy/")
    search = page.get_by_role("searchbox")
    search.focus()
    dialog = page.get_by_role("dialog", name="Twoja sesja wkrótce się zakończy")
    assert not dialog.is_visible()

    # Another tab kept the session alive: the page checks and stays quiet.
    page.clock.fast_forward(until_warning())
    page.wait_for_timeout(300)
    assert not dialog.is_visible()

    idle_for(page, settings.SESSION_COOKIE_AGE - 120)
    page.clock.fast_forward(until_warning())
    dialog.wait_for()
    extend = dialog.get_by_role("button", name="Przedłuż sesję")
    assert extend.evaluate("button => button === document.activeElement")
    assert dialog.locator("[data-session-ends]").inner_text()
    assert_accessible(page)
    screenshot(page, "session-warning")

    page.keyboard.press("Enter")
    dialog.wait_for(state="hidden")
    assert search.evaluate("field => field === document.activeElement")
    left = idle_for(page, 0).get_expiry_age()
    assert left == settings.SESSION_COOKIE_AGE

    idle_for(page, settings.SESSION_COOKIE_AGE + 5)
    page.clock.fast_forward(until_warning())
    ended = page.get_by_role("dialog")
    again = ended.get_by_role("link", name="Zaloguj się ponownie")
    again.wait_for()
    assert "Sesja się zakończyła" in ended.inner_text()
    assert again.evaluate("link => link === document.activeElement")
    assert_accessible(page)
    screenshot(page, "session-ended")
    again.click()
    page.wait_for_url("**/konto/login/?next=/kursy/")
    assert page.get_by_label("Adres e-mail").is_visible()
