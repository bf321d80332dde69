"""Input that once gave a 500, or Django's bare English 400, gets the portal's answer.

A post nested too deep comes back on the form with its text and a Polish message;
a NUL in an address, a body past the size limit and too many fields get the
portal's own 400 page, in Polish, with its security headers.
"""

import pytest
from django.urls import reverse

from forum.markup import MAX_NESTING, nesting_depth, render

pytestmark = pytest.mark.django_db

DEEP = "- " * 495 + "ostatni punkt"
TOO_DEEP_MESSAGE = "zagnieżdżone na więcej niż 20 poziomów"
BAD_REQUEST_TITLE = "Nieprawidłowe żądanie"


def assert_polish_400(response):
    assert response.status_code == 400
    content = response.content.decode()
    assert BAD_REQUEST_TITLE in content
    assert "Bad Request" not in content
    assert "Content-Security-Policy" in response.headers


# Markdown nested too deep ------------------------------------------------------------


def test_render_shows_text_nested_past_what_markdown_can_build_as_plain_text():
    html = render(DEEP)

    assert "ostatni punkt" in html
    assert "<ul>" not in html


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("Zwykły tekst.", 0),
        ("- jeden\n- dwa", 1),
        ("> cytat\n> > w cytacie", 2),
        ("> - a\n>     - b", 3),
        ("- a\n> - b", 3),  # the second line continues the item above it
        ("- " * 21 + "x", 21),
    ],
)
def test_nesting_depth_is_what_markdown_builds(text, depth):
    assert nesting_depth(text) == depth


def test_text_too_deep_for_markdown_counts_as_deeper_than_the_limit():
    assert nesting_depth(DEEP) > MAX_NESTING


def forum_forms(topic, learner):
    post = topic.posts.first()
    return {
        "new topic": (
            reverse("forum:topic_new", args=[topic.forum_id]),
            {"title": "Lista"},
        ),
        "reply": (reverse("forum:topic", args=[topic.pk]), {}),
        "edit": (reverse("forum:post_edit", args=[post.pk]), {}),
    }


@pytest.mark.parametrize("form", ["new topic", "reply", "edit"])
@pytest.mark.parametrize("text", [DEEP, "- " * (MAX_NESTING + 1) + "x"])
def test_a_post_nested_too_deep_comes_back_with_its_text_and_a_message(
    client, topic, learner, form, text
):
    client.force_login(learner)
    url, extra = forum_forms(topic, learner)[form]
    posts = topic.posts.count()

    response = client.post(url, {"body": text, **extra})

    assert response.status_code == 200
    content = response.content.decode()
    assert TOO_DEEP_MESSAGE in content
    assert text in content
    assert topic.posts.count() == posts


def test_a_post_nested_within_the_limit_is_published(client, topic, learner):
    client.force_login(learner)
    text = "- " * MAX_NESTING + "x"

    response = client.post(reverse("forum:topic", args=[topic.pk]), {"body": text})

    assert response.status_code == 302
    assert topic.posts.filter(body=text).exists()


# NUL in addresses --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/certyfikaty/%00/",
        "/certyfikaty/%00/pdf/",
        "/weryfikacja-certyfikatu/%00/",
        "/weryfikacja-certyfikatu/?kod=%00",
        "/forum/wypisz/a%00b/",
        "/kursy/%00/",
        "/szukaj/?q=kurs&strona=%00",
        "/?%00=1",
    ],
)
def test_a_nul_anywhere_in_the_address_gets_the_polish_400_page(client, url):
    assert_polish_400(client.get(url))


def test_a_signed_in_learner_gets_the_400_page_with_the_portal_around_it(
    client, learner
):
    client.force_login(learner)

    response = client.get("/certyfikaty/%00/")

    assert_polish_400(response)
    assert reverse("account_logout") in response.content.decode()


# Oversized requests ------------------------------------------------------------------


def post_raw(client, url, body: bytes):
    return client.generic(
        "POST", url, body, content_type="application/x-www-form-urlencoded"
    )


def test_a_ten_megabyte_body_gets_the_polish_400_page(client, topic, learner):
    body = b"body=" + b"a" * (10 * 1024 * 1024)

    assert_polish_400(post_raw(client, reverse("account_login"), body))
    client.force_login(learner)
    assert_polish_400(post_raw(client, reverse("forum:topic", args=[topic.pk]), body))


def test_ten_thousand_and_one_fields_get_the_polish_400_page(client, site_content):
    body = "&".join(f"f{n}=1" for n in range(10_001)).encode()

    assert_polish_400(post_raw(client, "/kontakt/", body))
    assert_polish_400(client.get("/szukaj/?" + body.decode()))
