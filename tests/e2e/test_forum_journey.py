import pytest
from django.core import mail

from forum.models import Mute, Post, Report
from portal.accounts.roles import MODERATOR
from tests.admin_helpers import activate_totp, totp_code
from tests.e2e.helpers import sign_in
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_learners_talk_a_post_is_reported_and_the_moderator_mutes_a_learner(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="forum-kurs")
    anna = UserFactory(first_name="Anna", last_name="Kowal")
    bartek = UserFactory(first_name="Bartek", last_name="Nowak")

    # Learner A opens a topic.
    sign_in(page, anna.email, password)
    page.goto(course.url)
    page.get_by_role("link", name="Przejdź do forum kursu").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nowy temat").click()
    page.get_by_label("Tytuł").fill("Jak odpowiadać na pytanie o wady?")
    page.get_by_label("Twój wpis").fill("Macie **sprawdzone** sposoby?")
    page.get_by_role("button", name="Opublikuj temat").click()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Jak odpowiadać na pytanie o wady?"
    )
    assert_accessible(page)

    # Learner B replies, quoting A.
    other = browser.new_context(base_url=live_server.url).new_page()
    sign_in(other, bartek.email, password)
    other.goto(page.url)
    other.get_by_role("link", name="Cytuj").first.click()
    assert "> **Anna K.:**" in other.get_by_label("Twój wpis").input_value()
    other.get_by_label("Twój wpis").press("Control+End")
    other.get_by_label("Twój wpis").type("Mów o tym, nad czym pracujesz.")
    other.get_by_role("button", name="Opublikuj odpowiedź").click()
    other.wait_for_load_state()
    assert other.locator("blockquote").count() >= 1
    screenshot(other, "forum-topic")

    # A gets the notification mail, without B's e-mail address in it.
    notice = [m for m in mail.outbox if m.to == [anna.email]]
    assert notice and "Bartek N." in notice[-1].body
    assert bartek.email not in notice[-1].body

    # B reports A's post.
    other.get_by_role("link", name="Zgłoś").first.click()
    assert_accessible(other)
    other.get_by_label("obraźliwy lub nienawistny").check()
    other.get_by_role("button", name="Wyślij zgłoszenie").click()
    first_post = Post.objects.filter(author=anna).first()
    assert Report.objects.filter(post=first_post, reporter=bartek).exists()

    # The moderator hides it from the queue and mutes B for a day.
    moderator = StaffFactory(role=MODERATOR)
    secret = activate_totp(moderator)
    admin = browser.new_context(base_url=live_server.url).new_page()
    sign_in(admin, moderator.email, password, code=totp_code(secret))
    admin.goto("/admin/moderacja/")
    screenshot(admin, "moderation-queue")
    admin.get_by_label("Powód (zostanie zapisany w dzienniku moderacji)").first.fill(
        "Test zgłoszenia"
    )
    admin.get_by_role("button", name="Ukryj wpis").first.click()
    first_post.refresh_from_db()
    assert first_post.is_hidden
    reply = Post.objects.get(author=bartek)
    admin.goto(f"/admin/moderacja/wpis/{reply.pk}/")
    admin.get_by_label("Powód wyciszenia autora").fill("Ochłonięcie po sporze")
    admin.get_by_role("button", name="Wycisz autora").click()
    assert Mute.objects.filter(user=bartek).exists()

    # B sees the mute notice and cannot post, not even by a direct POST.
    other.goto(page.url)
    assert "Ochłonięcie po sporze" in other.get_by_role("status").first.inner_text()
    assert other.get_by_role("button", name="Opublikuj odpowiedź").count() == 0
    screenshot(other, "forum-muted")
    token = other.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = other.request.post(
        page.url,
        form={"body": "Mimo wszystko piszę", "csrfmiddlewaretoken": token},
        headers={"Referer": page.url},
    )
    assert response.status == 403
    assert not Post.objects.filter(body="Mimo wszystko piszę").exists()
