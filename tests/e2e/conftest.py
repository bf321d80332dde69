import os
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.accessibility import axe_check, reflow_check

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "e2e"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless Chromium for the session.

    Playwright's sync API switches the thread into a greenlet with its own context,
    where Django's connection handler hands out fresh connection objects. Those lack
    the snapshot of migrated data that `serialized_rollback` restores after each
    flush, so it is carried over.
    """
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield browser
        browser.close()


# Wagtail's editor autosaves every half second and the server answers 400 while the
# draft does not validate yet (a title typed, the body still empty): expected, and
# the editor shows no error for it.
AUTOSAVE = re.compile(r"/admin/pages/(add/[\w/]+|\d+/edit/)$")


def _record_console_error(page, message):
    if message.type != "error":
        return
    url = (message.location or {}).get("url", "")
    if "status of 400" in message.text and AUTOSAVE.search(url):
        return
    page.console_errors.append(message.text)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_errors = []
    page.on("console", lambda message: _record_console_error(page, message))
    yield page
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def assert_accessible():
    def check(page, enhanced_contrast=False):
        """Run axe-core's default rules and the 320 px reflow check on the page.

        With `enhanced_contrast`, also the 7:1 contrast rule that the
        high-contrast mode promises.
        """
        axe_check(page, enhanced_contrast=enhanced_contrast)
        reflow_check(page)

    return check
