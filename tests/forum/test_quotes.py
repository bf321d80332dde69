"""Quotes refer to the quoted post: what happens to the post happens to its quotes."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from forum import markup, selectors, services
from forum.models import Post
from forum.privacy import erase
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def replier(client, topic):
    user = UserFactory(first_name="Bartek", last_name="Zając")
    services.forum_profile_choose(user=user, shown_as="name")
    client.force_login(user)
    return user


def topic_html(client, topic, **params):
    return client.get(reverse("forum:topic", args=[topic.pk]), params).content.decode()


def quote_in(html):
    start = html.index('<figure class="figure post__quote')
    return html[start : html.index("</figure>", start)]


def test_quoting_shows_the_post_above_an_empty_reply_box(client, topic, replier):
    first = topic.posts.get()

    response = client.get(reverse("forum:topic", args=[topic.pk]), {"cytuj": first.pk})

    html = response.content.decode()
    reply_form = html[html.index('id="odpowiedz"') :]
    assert "Anna N. pisze:" in quote_in(reply_form)
    assert "<p>Cześć!</p>" in quote_in(reply_form)
    assert f'name="quoted" value="{first.pk}"' in reply_form
    assert response.context["form"]["body"].value() is None


def test_a_reply_shows_the_current_text_and_name_of_the_quoted_post(
    client, topic, learner, replier
):
    first = topic.posts.get()
    client.post(
        reverse("forum:topic", args=[topic.pk]), {"body": "Witaj!", "quoted": first.pk}
    )
    reply = topic.posts.last()
    services.post_edit(post=first, body="Cześć wszystkim!")
    services.forum_profile_choose(user=learner, shown_as="pseudonym", pseudonym="Anka")

    quote = quote_in(topic_html(client, topic))

    assert reply.body == "Witaj!" and reply.quoted == first
    assert "<figcaption>Anka pisze:</figcaption>" in quote
    assert f'<blockquote cite="/forum/temat/{topic.pk}/#wpis-{first.pk}">' in quote
    assert "Cześć wszystkim!" in quote


def test_a_hidden_post_is_quoted_as_no_longer_available(client, topic, replier):
    first = topic.posts.get()
    first.body = "Tajne 600 700 800"
    first.body_html = markup.render(first.body)
    first.save()
    services.post_create(topic=topic, author=replier, body="Odp.", quoted=first)

    services.post_hide(post=first, by=StaffFactory(), reason="Dane osobowe")

    html = topic_html(client, topic)
    assert "600 700 800" not in html
    assert "Cytowany wpis nie jest już dostępny." in html
    assert "post__quote" not in topic_html(client, topic, cytuj=first.pk)


def test_an_erased_authors_post_is_quoted_as_no_longer_available(
    client, topic, learner, replier
):
    first = topic.posts.get()
    services.post_create(topic=topic, author=replier, body="Odp.", quoted=first)

    erase(learner)

    html = topic_html(client, topic)
    assert "Cześć!" not in html
    assert "Cytowany wpis nie jest już dostępny." in html


def test_a_reply_cannot_be_made_to_quote_a_hidden_post(client, topic, replier):
    first = topic.posts.get()
    services.post_hide(post=first, by=StaffFactory(), reason="Spam")

    client.post(
        reverse("forum:topic", args=[topic.pk]), {"body": "Odp.", "quoted": first.pk}
    )

    assert topic.posts.last().quoted is None


def test_quotes_cost_no_query_per_post_and_link_to_the_right_page(
    client, topic, learner
):
    def add(count):
        earlier = list(Post.objects.filter(topic=topic))
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=learner,
                body="w",
                body_html="<p>w</p>",
                quoted=earlier[n % len(earlier)],
            )
            for n in range(count)
        )

    def queries(page):
        url = reverse("forum:topic", args=[topic.pk])
        client.get(url, {"strona": page})
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"strona": page})
        return len(captured.captured_queries), response.context["posts"]

    client.force_login(learner)
    add(5)
    with_few, _posts = queries(1)
    add(60)
    with_many, last_page = queries(4)

    assert with_many == with_few <= 26  # one of them: the reader's own forum name
    late = [post for post in last_page if post.quoted_id]
    assert late
    assert all(post.quoted_url == selectors.post_url(post.quoted) for post in late)


def test_search_finds_neither_hidden_nor_erased_posts(client, forum, learner):
    topic = services.topic_create(
        forum=forum,
        author=learner,
        title="CV",
        body="Dzwońcie: 600 700 800",
        confirm_personal_data=True,
    )
    post = topic.posts.get()
    client.force_login(UserFactory())
    url = reverse("forum:index", args=[forum.pk])

    def found():
        return list(client.get(url, {"q": "700"}).context["topics"])

    assert found() == [topic]
    services.post_hide(post=post, by=StaffFactory(), reason="Dane")
    assert found() == []
    services.post_restore(post=post, by=StaffFactory(), reason="Pomyłka")
    assert found() == [topic]
    erase(learner)
    assert found() == []


def test_the_migration_takes_copied_quotes_out_of_replies(topic, learner):
    first = topic.posts.get()
    other = UserFactory()
    copied = services.post_create(
        topic=topic,
        author=other,
        body=markup.quote("Anna N.", first.body) + "Witaj!",
        quoted=first,
    )
    typed = services.post_create(
        topic=topic, author=other, body="> Moje własne\n\nZdanie", quoted=first
    )
    unquoted = services.post_create(topic=topic, author=other, body="> Cytat bez\n\nx")
    migration = import_module("forum.migrations.0004_quotes_as_references")

    migration.strip_copied_quotes(apps, None)

    copied.refresh_from_db()
    assert (copied.body, copied.body_html) == ("Witaj!", "<p>Witaj!</p>")
    assert Post.objects.get(pk=typed.pk).body == "> Moje własne\n\nZdanie"
    assert Post.objects.get(pk=unquoted.pk).body == "> Cytat bez\n\nx"
    found = get_search_backend().search("Cześć", Post)  # the copy left the index
    assert [post.pk for post in found] == [first.pk]


@pytest.mark.parametrize(
    "body, quoted_body, left",
    [
        (markup.quote("Anna K.", "Ala\nma kota") + "Zgadzam się.", "x", "Zgadzam się."),
        ("> Ala\r\n> ma kota\r\n\r\nTak.", "Ala\nma kota\ni psa", "Tak."),
        ("> Ala\n\nTak.", "", "Tak."),  # the quoted post was erased
        ("> Co innego\n\nTak.", "Ala", "> Co innego\n\nTak."),
        ("Tak.\n> Ala", "Ala", "Tak.\n> Ala"),
    ],
)
def test_only_a_leading_copy_of_the_quoted_post_is_taken_out(body, quoted_body, left):
    assert markup.quote_strip(body, quoted_body) == left


def test_contact_data_is_redacted_from_text():
    text = "Dzwoń 600 700 800, pisz na a@b.pl, PESEL 44051401359, rok 2026."

    redacted = markup.personal_data_redact(text, "[x]")

    assert redacted == "Dzwoń [x], pisz na [x], PESEL [x], rok 2026."
