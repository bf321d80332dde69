import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import ForumProfile, Post, Report, Subscription, Topic
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_every_course_gets_its_forum_linked_from_the_course_page(
    client, course, learner
):
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert reverse("forum:index", args=[course.forum.pk]) in html


def test_reading_needs_a_verified_account(client, forum):
    assert client.get(reverse("forum:index", args=[forum.pk])).status_code == 302
    client.force_login(UserFactory(verified=False))
    assert client.get(reverse("forum:index", args=[forum.pk])).status_code == 403


def chosen(user, pseudonym=""):
    """The user has chosen how they appear: a pseudonym, or name and initial."""
    services.forum_profile_choose(
        user=user, shown_as="pseudonym" if pseudonym else "name", pseudonym=pseudonym
    )
    return user


def test_a_learner_opens_a_topic_shown_with_a_display_name_never_the_email(
    client, forum, learner
):
    chosen(learner)
    client.force_login(learner)
    response = client.post(
        reverse("forum:topic_new", args=[forum.pk]),
        {"title": "Jak się przygotować?", "body": "Pytanie o **rozmowę**."},
    )
    topic = Topic.objects.get(title="Jak się przygotować?")
    assert response.url == reverse("forum:topic", args=[topic.pk])

    html = client.get(response.url).content.decode()
    assert "<strong>rozmowę</strong>" in html
    assert f"{learner.first_name} {learner.last_name[0]}." in html
    assert learner.email not in html
    assert Subscription.objects.filter(user=learner, topic=topic).exists()


def test_the_first_post_waits_until_the_learner_chooses_how_they_appear(
    client, forum, learner
):
    client.force_login(learner)
    new_topic = reverse("forum:topic_new", args=[forum.pk])
    page = client.get(new_topic)
    assert page.status_code == 200
    assert 'name="body"' not in page.content.decode()
    assert f"/forum/moja-nazwa/?next={new_topic}" in page.content.decode()

    # A form sent anyway (opened before) keeps its text and publishes nothing.
    sent = client.post(new_topic, {"title": "Pytanie", "body": "Mój tekst"})
    assert sent.status_code == 200
    assert "Najpierw wybierz, jak chcesz się podpisywać" in sent.content.decode()
    assert "Mój tekst" in sent.content.decode()
    assert not Topic.objects.filter(title="Pytanie").exists()

    choose = client.get("/forum/moja-nazwa/", {"next": new_topic})
    assert (
        learner.last_name
        not in choose.content.decode()
        .split("<main")[1]
        .split("Imię i pierwsza litera nazwiska")[0]
    )
    empty = client.post("/forum/moja-nazwa/", {"next": new_topic})
    assert "Wybierz, jak chcesz się podpisywać." in empty.content.decode()
    no_name = client.post(
        "/forum/moja-nazwa/", {"shown_as": "pseudonym", "next": new_topic}
    )
    assert "Wpisz pseudonim" in no_name.content.decode()

    saved = client.post(
        "/forum/moja-nazwa/",
        {"shown_as": "pseudonym", "display_name": "Szukająca Pracy", "next": new_topic},
    )
    assert saved.url == new_topic
    client.post(new_topic, {"title": "Pytanie", "body": "Mój tekst"})
    topic = Topic.objects.get(title="Pytanie")
    html = client.get(reverse("forum:topic", args=[topic.pk])).content.decode()
    assert "Szukająca Pracy" in html
    assert learner.first_name not in html.split("<main")[1]


def test_name_and_initial_gets_a_number_next_to_a_namesake(forum):
    anna = chosen(UserFactory(first_name="Anna", last_name="Kowalska"))
    other = chosen(UserFactory(first_name="Anna", last_name="Krawczyk"))
    assert anna.forum_profile.display_name == "Anna K."
    assert other.forum_profile.display_name == "Anna K. 2"
    assert other.forum_profile.shown_as == "name"


@pytest.mark.parametrize(
    ("pseudonym", "message"),
    [
        ("ab", "przynajmniej 3 znaki"),
        ("jan@example.com", "adresu e-mail"),
        ("Dzwoń 600 700 800", "numeru telefonu"),
        ("Uczestnik/uczestniczka #7", "nadaje portal"),
        ("Użytkownik usunięty", "Tej nazwy używa portal"),
        ("ANNA K.", "zajęta"),
    ],
)
def test_a_pseudonym_that_names_someone_else_or_contact_data_is_refused(
    client, learner, pseudonym, message
):
    chosen(UserFactory(first_name="Anna", last_name="Kowalska"))
    client.force_login(learner)
    response = client.post(
        "/forum/moja-nazwa/", {"shown_as": "pseudonym", "display_name": pseudonym}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not hasattr(learner, "forum_profile") or not learner.forum_profile


def test_posts_of_someone_who_never_chose_are_signed_anonymously(client, topic):
    silent = UserFactory(first_name="Genowefa", last_name="Zawadzka")
    post = services.post_create(topic=topic, author=silent, body="Stary wpis")
    client.force_login(topic.author)

    html = client.get(reverse("forum:topic", args=[topic.pk])).content.decode()

    assert f"Uczestnik/uczestniczka #{silent.pk}" in html
    assert "Genowefa" not in html and "Zawadzka" not in html
    assert post.body in html


def test_made_up_names_from_before_the_choice_are_dropped_by_the_migration(forum):
    migration = importlib.import_module("forum.migrations.0005_display_name_chosen")
    made = UserFactory(first_name="Jan", last_name="Nowak")
    namesake = UserFactory(first_name="Jan", last_name="Nowicki")
    renamed = UserFactory(first_name="Ewa", last_name="Lis")
    ForumProfile.objects.create(user=made, display_name="Jan N.")
    ForumProfile.objects.create(user=namesake, display_name="Jan N. 2")
    ForumProfile.objects.create(user=renamed, display_name="Lisek")

    migration.unchosen_profiles_delete(apps, None)

    assert list(ForumProfile.objects.values_list("display_name", flat=True)) == [
        "Lisek"
    ]


def test_a_reply_can_quote_a_post(client, topic):
    other = chosen(UserFactory(first_name="Bartek", last_name="Zając"))
    client.force_login(other)
    first = topic.posts.first()

    form_page = client.get(reverse("forum:topic", args=[topic.pk]), {"cytuj": first.pk})
    assert form_page.context["quote_of"] == first
    assert form_page.context["form"]["body"].value() is None  # shown, not pasted
    client.post(
        reverse("forum:topic", args=[topic.pk]), {"body": "Witaj!", "quoted": first.pk}
    )

    reply = topic.posts.last()
    assert reply.quoted == first
    assert reply.body == "Witaj!"
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_personal_data_warns_before_publishing_and_keeps_the_text(client, topic):
    client.force_login(chosen(UserFactory()))
    url = reverse("forum:topic", args=[topic.pk])
    body = "Dzwońcie: 600 700 800"

    warned = client.post(url, {"body": body})
    assert warned.status_code == 200
    assert "numer telefonu" in warned.content.decode()
    assert body in warned.content.decode()
    assert topic.posts.count() == 1

    client.post(url, {"body": body, "confirm_personal_data": "on"})
    assert topic.posts.count() == 2


def test_the_services_refuse_unconfirmed_personal_data_and_accept_it_confirmed(
    forum, topic
):
    author = UserFactory()
    body = "Piszcie na jan@example.com albo dzwońcie: 600 700 800"

    with pytest.raises(services.PersonalDataFound) as refused:
        services.post_create(topic=topic, author=author, body=body)
    assert refused.value.kinds == ("phone", "email")
    with pytest.raises(services.PersonalDataFound):
        services.topic_create(
            forum=forum, author=author, title="Dzwońcie 600700800", body="Treść"
        )
    with pytest.raises(services.PersonalDataFound):
        services.post_edit(post=topic.posts.first(), body=body)
    assert topic.posts.count() == 1
    assert not Topic.objects.filter(title__startswith="Dzwońcie").exists()

    post = services.post_create(
        topic=topic, author=author, body=body, confirm_personal_data=True
    )
    assert post.body == body
    services.topic_create(
        forum=forum,
        author=author,
        title="Dzwońcie 600700800",
        body="Treść",
        confirm_personal_data=True,
    )
    edited = services.post_edit(post=post, body=body, confirm_personal_data=True)
    assert edited.edited_at is not None


def test_the_author_edits_within_the_window_and_the_post_is_marked(
    client, topic, learner
):
    client.force_login(learner)
    post = topic.posts.first()
    client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Poprawione"})
    post.refresh_from_db()
    assert post.body == "Poprawione" and post.edited_at is not None
    assert (
        "edytowano"
        in client.get(reverse("forum:topic", args=[topic.pk])).content.decode()
    )


def test_editing_after_the_window_or_someone_elses_post_is_refused(
    client, topic, learner
):
    post = topic.posts.first()
    client.force_login(UserFactory())
    assert client.get(reverse("forum:post_edit", args=[post.pk])).status_code == 404

    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(learner)
    assert client.get(reverse("forum:post_edit", args=[post.pk])).status_code == 404


def test_subscribers_get_a_mail_and_can_unsubscribe_from_it(
    client, topic, learner, django_capture_on_commit_callbacks
):
    replier = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=topic, author=replier, body="Odpowiadam")

    message = next(m for m in mail.outbox if m.to == [learner.email])
    assert topic.title in message.subject
    assert replier.email not in message.body
    assert not any(m.to == [replier.email] for m in mail.outbox)
    unsubscribe = message.body.split("/forum/wypisz/")[1].split()[0]
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")

    # Opening the link (as a mail scanner would) only asks; the click stops mail.
    page = client.get(f"/forum/wypisz/{unsubscribe}")
    assert topic.title in page.content.decode()
    assert Subscription.objects.filter(user=learner, topic=topic).exists()

    client.post(f"/forum/wypisz/{unsubscribe}", {"List-Unsubscribe": "One-Click"})

    assert not Subscription.objects.filter(user=learner, topic=topic).exists()
    again = client.get(f"/forum/wypisz/{unsubscribe}")
    assert "Powiadomienia wyłączone" in again.content.decode()


def test_a_learner_reports_a_post_once(client, topic):
    reporter = UserFactory()
    client.force_login(reporter)
    post = topic.posts.first()
    url = reverse("forum:post_report", args=[post.pk])

    client.post(url, {"reason": "offensive", "comment": "Obraźliwe"})
    client.post(url, {"reason": "spam"})

    assert Report.objects.filter(post=post, reporter=reporter).count() == 1


def test_posting_too_often_is_refused_with_a_message(client, topic):
    client.force_login(chosen(UserFactory()))
    url = reverse("forum:topic", args=[topic.pk])
    for number in range(services.POST_LIMITS[0][0]):
        client.post(url, {"body": f"Wpis {number}"})

    response = client.post(url, {"body": "Jeden za dużo"})

    assert response.status_code == 200
    assert (
        "Odczekaj" in response.content.decode() or "chwil" in response.content.decode()
    )
    assert not topic.posts.filter(body="Jeden za dużo").exists()


def test_search_finds_topics_by_the_text_of_their_posts(client, forum, learner):
    services.topic_create(
        forum=forum, author=learner, title="CV", body="Jak opisać staż?"
    )
    services.topic_create(forum=forum, author=learner, title="Inne", body="Pogoda")
    client.force_login(learner)

    page = client.get(reverse("forum:index", args=[forum.pk]), {"q": "staż"})

    titles = [topic.title for topic in page.context["topics"]]
    assert titles == ["CV"]


def test_new_activity_is_marked_unread(client, topic, learner):
    other = UserFactory()
    client.force_login(other)
    page = client.get(reverse("forum:index", args=[topic.forum_id]))
    assert page.context["topics"][0].is_unread
    client.get(reverse("forum:topic", args=[topic.pk]))
    page = client.get(reverse("forum:index", args=[topic.forum_id]))
    assert not page.context["topics"][0].is_unread


def test_topic_page_queries_are_the_same_for_10_and_1000_posts(client, topic, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    authors = [UserFactory() for _ in range(5)]
    for author in authors:
        chosen(author)

    def add(count):
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=authors[n % 5],
                body=f"w{n}",
                body_html=f"<p>w{n}</p>",
            )
            for n in range(count)
        )

    def queries(page):
        url = reverse("forum:topic", args=[topic.pk])
        client.get(url, {"strona": page})
        with CaptureQueriesContext(connection) as captured:
            client.get(url, {"strona": page})
        return len(captured.captured_queries)

    client.force_login(learner)
    add(9)  # with the opening post: 10
    with_ten = queries(1)
    add(990)
    assert queries(1) == with_ten
    assert queries(50) == with_ten
    assert with_ten <= 26  # one of them: the reader's own forum name


def test_a_title_with_personal_data_is_warned_about_too(client, forum):
    client.force_login(chosen(UserFactory()))
    response = client.post(
        reverse("forum:topic_new", args=[forum.pk]),
        {"title": "Dzwońcie +48600700800", "body": "Treść"},
    )
    assert response.status_code == 200
    assert not Topic.objects.filter(title__startswith="Dzwońcie").exists()


def test_a_long_first_name_still_gives_a_display_name_that_fits(topic):
    user = chosen(UserFactory(first_name="Bardzo" * 20))
    assert len(user.forum_profile.display_name) <= 40


def test_the_report_link_is_offered_only_to_those_who_may_report(client, topic):
    from portal.accounts.roles import MODERATOR
    from tests.factories.accounts import StaffFactory

    report_url = reverse("forum:post_report", args=[topic.posts.first().pk])

    def offered():
        page = client.get(reverse("forum:topic", args=[topic.pk]))
        return report_url in page.content.decode()

    reader = UserFactory()
    client.force_login(reader)
    assert offered()

    services.user_mute(user=reader, by=StaffFactory(), days=1, reason="Spór")
    assert not offered()

    client.force_login(StaffFactory(role=MODERATOR))
    assert not offered()
