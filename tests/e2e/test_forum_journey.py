"""Learners talk in a course forum; a report leads the moderator to mute one."""

import pytest
from django.core import mail

from forum.models import ModerationAction, Mute, Post, Report
from portal.accounts.roles import MODERATOR
from tests.e2e.helpers import admin_menu, main_menu, sign_in, sign_in_to_admin
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TOPIC = "Jak odpowiadać na pytanie o wady?"


def open_course_forum(page, course):
    main_menu(page, "Kursy")
    page.get_by_role("link", name=course.title).click()
    page.get_by_role("link", name="Przejdź do forum kursu").click()


def test_learners_talk_a_post_is_reported_and_the_moderator_mutes_its_author(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="forum-kurs")
    anna = UserFactory(first_name="Anna", last_name="Kowal")
    bartek = UserFactory(first_name="Bartek", last_name="Nowak")

    # Learner A opens a topic.
    page.goto("/")
    sign_in(page, anna.email, password)
    open_course_forum(page, course)
    assert_accessible(page)
    screenshot(page, "forum-01-course-forum")
    page.get_by_role("link", name="Nowy temat").click()
    # Nothing is shown with a first post until the person chooses how they appear.
    assert page.get_by_label("Tytuł").count() == 0
    page.get_by_role("link", name="Wybierz, jak się podpisywać").click()
    assert_accessible(page)
    page.get_by_label("Imię i pierwsza litera nazwiska: Anna K.").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Nowy temat"
    page.get_by_label("Tytuł").fill(TOPIC)
    page.get_by_label("Twój wpis").fill("Macie **sprawdzone** sposoby?")
    page.get_by_role("button", name="Opublikuj temat").click()
    assert page.get_by_role("heading", level=1).inner_text() == TOPIC
    assert_accessible(page)

    # Learner B finds the topic and replies, quoting A.
    other = browser.new_context(base_url=live_server.url).new_page()
    other.goto("/")
    sign_in(other, bartek.email, password)
    open_course_forum(other, course)
    other.get_by_role("link", name=TOPIC).click()
    other.get_by_role("link", name="Cytuj").first.click()
    other.get_by_role("link", name="Wybierz, jak się podpisywać").click()
    other.get_by_label("Pseudonim wpisany poniżej").check()
    other.get_by_label("Pseudonim", exact=True).fill("Bartek z Bochni")
    other.get_by_role("button", name="Zapisz", exact=True).click()
    other.wait_for_load_state()
    quotation = other.locator("#odpowiedz figure")
    assert quotation.locator("figcaption").inner_text() == "Anna K. pisze:"
    assert "Macie sprawdzone sposoby?" in quotation.locator("blockquote").inner_text()
    assert other.get_by_label("Twój wpis").input_value() == ""
    assert_accessible(other)
    other.get_by_label("Twój wpis").fill("Mów o tym, nad czym pracujesz.")
    other.get_by_role("button", name="Opublikuj odpowiedź").click()
    other.wait_for_load_state()
    assert other.locator("blockquote").count() >= 1
    screenshot(other, "forum-02-topic")

    # A gets the notification mail, without B's e-mail address in it.
    notice = [m for m in mail.outbox if m.to == [anna.email]]
    assert notice and "Bartek z Bochni" in notice[-1].body
    assert bartek.email not in notice[-1].body

    # B reports A's post.
    other.get_by_role("link", name="Zgłoś").first.click()
    other.get_by_label("obraźliwy lub nienawistny").wait_for()
    assert_accessible(other)
    other.get_by_label("obraźliwy lub nienawistny").check()
    screenshot(other, "forum-03-report")
    other.get_by_role("button", name="Wyślij zgłoszenie").click()
    first_post = Post.objects.filter(author=anna).first()
    assert Report.objects.filter(post=first_post, reporter=bartek).exists()

    # The moderator hides the post from the queue.
    moderator = StaffFactory(role=MODERATOR)
    admin = browser.new_context(base_url=live_server.url).new_page()
    admin.goto("/")
    sign_in_to_admin(admin, moderator, password)
    admin_menu(admin, "Fora", "Zgłoszone wpisy")
    assert "Macie sprawdzone sposoby?" in admin.locator("blockquote").first.inner_text()
    assert_accessible(admin)
    screenshot(admin, "forum-04-moderation-queue")
    admin.get_by_label("Powód (zostanie zapisany w dzienniku moderacji)").first.fill(
        "Test zgłoszenia"
    )
    admin.get_by_role("button", name="Ukryj wpis").first.click()
    assert "Żadne zgłoszenie nie czeka" in admin.locator("main").inner_text()
    first_post.refresh_from_db()
    assert first_post.is_hidden

    # From the moderation log, back to the post, and the author is muted.
    admin.get_by_role("link", name="Dziennik moderacji").first.click()
    log_row = admin.get_by_role("row", name="Test zgłoszenia")
    log_row.wait_for()  # the log has loaded: axe must not read a half-parsed page
    assert_accessible(admin)
    screenshot(admin, "forum-05-moderation-log")
    log_row.get_by_role("link", name=TOPIC).click()
    assert (
        "Wpis ukryty przez moderację."
        in admin.locator(f"#wpis-{first_post.pk}").inner_text()
    )
    admin.get_by_role("link", name="Moderuj ten wpis").first.click()
    admin.get_by_label("Powód wyciszenia autora").fill("Ochłonięcie po sporze")
    admin.get_by_label("Na ile dni").fill("3")
    admin.get_by_role("button", name="Wycisz autora").click()
    assert "Autor został wyciszony" in admin.get_by_role("status").first.inner_text()
    assert_accessible(admin)
    screenshot(admin, "forum-06-author-muted")
    mute = Mute.objects.get(user=anna)
    assert mute.reason == "Ochłonięcie po sporze"
    assert ModerationAction.objects.filter(target_user=anna).exists()
    assert not Mute.objects.filter(user=bartek).exists()

    # A sees the mute notice and cannot post, not even by a direct POST.
    page.reload()
    assert "Ochłonięcie po sporze" in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("button", name="Opublikuj odpowiedź").count() == 0
    assert_accessible(page)
    screenshot(page, "forum-07-muted")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = page.request.post(
        page.url,
        form={"body": "Mimo wszystko piszę", "csrfmiddlewaretoken": token},
        headers={"Referer": page.url},
    )
    assert response.status == 403
    assert not Post.objects.filter(body="Mimo wszystko piszę").exists()
