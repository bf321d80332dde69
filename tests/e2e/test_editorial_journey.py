"""An editor writes a lesson in the admin; a second editor approves it."""

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from portal.accounts.roles import EDITOR
from portal.pages.models import NewsIndexPage, NewsPage
from tests.e2e.helpers import admin_sidebar, sign_in_to_admin
from tests.factories.accounts import StaffFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TITLE = "Lekcja 4: Informacja zwrotna"
QUESTION = "Czego dotyczy dobra informacja zwrotna?"


def footer_actions(page):
    """Open the "more actions" menu of the editor's footer and return its buttons."""
    page.get_by_role("button", name="Więcej akcji").click()
    return page.get_by_role("navigation", name="Akcje – stopka")


def open_in_explorer(page, *path):
    """Walk the sidebar's page explorer down `path` and open the last page."""
    admin_sidebar(page).get_by_role("button", name="Strony").click()
    explorer = page.get_by_role("dialog", name="Przeglądarka stron")
    for title in path[:-1]:
        explorer.get_by_role("link", name=f"Wyświetl podstrony dla '{title}'").click()
    explorer.get_by_role("link", name=path[-1], exact=True).click()
    page.wait_for_load_state()


def write_lesson(page):
    page.get_by_role("textbox", name="Tytuł*").fill(TITLE)
    page.get_by_role("textbox", name="Krótki opis").fill(
        "Jak przekazać i przyjąć informację zwrotną."
    )
    body = page.get_by_role("region", name="Treść*")
    body.get_by_role("button", name="Dodaj blok").click()
    page.get_by_role("option", name="Tekst").click()
    body.get_by_role("textbox").first.click()
    page.keyboard.type("Informacja zwrotna dotyczy zachowania, nie osoby.")

    body.get_by_role("button", name="Dodaj blok").last.click()
    page.get_by_role("option", name="Pytanie sprawdzające").click()
    check = body.get_by_role("region", name="Pytanie sprawdzające")
    check.get_by_role("textbox", name="Pytanie*").fill(QUESTION)
    check.get_by_role("button", name="Dodaj", exact=True).last.click()
    answers = check.get_by_role("textbox", name="Odpowiedź*")
    answers.nth(0).fill("Konkretnego zachowania")
    answers.nth(1).fill("Charakteru osoby")
    check.get_by_role("checkbox", name="Poprawna").first.check()
    check.get_by_role("textbox", name="Wyjaśnienie*").fill(
        "Zachowanie można zmienić, charakteru nie."
    )


def test_an_editor_writes_a_lesson_and_a_second_editor_publishes_it(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="komunikacja")
    author, reviewer = StaffFactory(role=EDITOR), StaffFactory(role=EDITOR)

    # The author enters the admin from the portal and sees pages, not the programme.
    page.goto("/")
    sign_in_to_admin(page, author, password)
    sidebar = admin_sidebar(page)
    sidebar.get_by_text("Strony", exact=True).first.wait_for()
    assert sidebar.get_by_text("Program", exact=True).count() == 0
    assert_accessible(page)
    screenshot(page, "editor-01-dashboard")

    # In the page explorer, a new lesson under the course.
    open_in_explorer(page, "Kompetencje dla pracy", "Kursy", course.title)
    page.get_by_role("link", name="Dodaj stronę podrzędną").click()
    write_lesson(page)
    page.get_by_role("textbox", name="Tytuł*").focus()
    # No axe here: Wagtail's rich-text editor (Draftail) gives its editable area
    # no accessible name; the accessibility statement lists it.
    screenshot(page, "editor-02-new-lesson")
    footer_actions(page).get_by_role(
        "button", name="Wyślij do akceptacji drugiego redaktora", exact=True
    ).click()
    page.wait_for_url(f"**/admin/pages/{course.pk}/")
    assert "przekazana do moderacji" in page.get_by_role("status").first.inner_text()
    assert_accessible(page)
    screenshot(page, "editor-03-submitted")
    lesson = LessonPage.objects.get(title=TITLE)
    assert not lesson.live
    assert lesson.get_parent().pk == course.pk

    # The workflow does not let the author approve their own lesson.
    page.get_by_role("link", name=TITLE, exact=True).click()
    actions = footer_actions(page)
    assert actions.get_by_role("button", name="Anuluj proces").is_visible()
    assert actions.get_by_role("button", name="Akceptuj", exact=True).count() == 0
    assert page.console_errors == []

    # The second editor finds it on the dashboard and approves it.
    second = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    second.goto("/")
    sign_in_to_admin(second, reviewer, password)
    awaiting = second.get_by_role("region", name="Oczekujące na Twoją weryfikację")
    assert_accessible(second)
    screenshot(second, "editor-04-awaiting-review")
    awaiting.get_by_role("link", name=TITLE).click()
    footer_actions(second).get_by_role("button", name="Akceptuj", exact=True).click()
    second.wait_for_url(f"**/admin/pages/{course.pk}/")
    assert_accessible(second)
    screenshot(second, "editor-05-approved")
    lesson.refresh_from_db()
    assert lesson.live
    assert not lesson.has_unpublished_changes

    # The course page on the portal lists the lesson, with its check question.
    with second.context.expect_page() as opened:
        second.get_by_role("link", name="Otwórz stronę w portalu").first.click()
    public = opened.value
    public.wait_for_load_state()
    assert public.url.endswith(course.url)
    assert_accessible(public)
    public.get_by_role("link", name=TITLE).click()
    assert public.get_by_role("heading", level=1).inner_text() == TITLE
    check = public.get_by_role("region", name="Sprawdź się")
    assert QUESTION in check.inner_text()
    assert_accessible(public)
    screenshot(public, "editor-06-published-lesson")


NEWS_TITLE = "Nabór na szkolenia – źródła"


def test_an_editor_writes_news_with_an_ascii_address_and_a_second_editor_publishes_it(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    author, reviewer = StaffFactory(role=EDITOR), StaffFactory(role=EDITOR)
    index = NewsIndexPage.objects.get()

    page.goto("/")
    sign_in_to_admin(page, author, password)
    open_in_explorer(page, "Kompetencje dla pracy", "Aktualności")
    page.get_by_role("link", name="Dodaj stronę podrzędną").click()
    # Only announcements go under the news list: the form opens straight away.
    # Typed as a person types it: the admin makes the address from the title.
    page.get_by_role("textbox", name="Tytuł*").press_sequentially(NEWS_TITLE)
    page.get_by_role("textbox", name="Tytuł*").press("Tab")
    expect(page.locator('input[name="slug"]')).to_have_value(
        "nabor-na-szkolenia-zrodla"
    )
    page.get_by_role("textbox", name="Zajawka*").fill(
        "Ruszają zapisy na bezpłatne warsztaty z doradcą zawodowym."
    )
    body = page.get_by_role("region", name="Treść*")
    body.get_by_role("button", name="Dodaj blok").click()
    page.get_by_role("option", name="Tekst").click()
    body.get_by_role("textbox").first.click()
    page.keyboard.type("Zapisy przyjmujemy do końca miesiąca.")
    page.get_by_role("textbox", name="Tytuł*").focus()
    screenshot(page, "editor-07-new-news")
    page.get_by_role("button", name="Więcej akcji").click()
    page.get_by_role(
        "button", name="Wyślij do akceptacji drugiego redaktora", exact=True
    ).click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(title=NEWS_TITLE)
    assert news.slug == "nabor-na-szkolenia-zrodla" and not news.live

    # The second editor's approval in the browser is the lesson journey's; here
    # it is given through the workflow, as the admin's button does.
    state = news.current_workflow_state.current_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    news.refresh_from_db()
    assert news.live

    second = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    # The home page shows it among the news, and its address stays ASCII.
    second.goto("/")
    latest = second.get_by_role("region", name="Aktualności")
    latest.get_by_role("link", name=NEWS_TITLE).click()
    assert second.url.endswith("/aktualnosci/nabor-na-szkolenia-zrodla/")
    assert second.get_by_role("heading", level=1).inner_text() == NEWS_TITLE
    assert_accessible(second)
    screenshot(second, "editor-08-published-news")
