import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from portal.pages.demo import demo_content_load
from portal.pages.models import HomePage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def add_news(index, number, date, live=True):
    page = NewsPage(
        title=f"Komunikat {number}",
        slug=f"komunikat-{number}",
        date=date,
        lead=f"Zajawka komunikatu {number}.",
        body=[],
        live=live,
    )
    index.add_child(instance=page)
    return page


def test_the_demo_brings_a_news_list_with_announcements(site_content):
    index = NewsIndexPage.objects.get()

    assert index.url == "/aktualnosci/"
    assert index.get_parent().specific_class is HomePage
    news = NewsPage.objects.child_of(index).live()
    assert 2 <= news.count() <= 3
    assert all(page.search_description for page in news)


def test_loading_the_demo_again_adds_no_announcement(site_content):
    count = NewsPage.objects.count()
    NewsPage.objects.first().delete()  # an editor retired one

    demo_content_load()

    assert NewsPage.objects.count() == count - 1


def test_the_news_list_is_newest_first_and_paginated(client, site_content):
    index = NewsIndexPage.objects.get()
    start = datetime.date(2027, 1, 1)
    for number in range(12):
        add_news(index, number, start + datetime.timedelta(days=number))

    first = client.get("/aktualnosci/")
    titles = [page.title for page in first.context["news"]]

    assert titles[:2] == ["Komunikat 11", "Komunikat 10"]
    assert len(titles) == 10
    html = first.content.decode()
    assert '<time datetime="2027-01-12">12 stycznia 2027 r.</time>' in html
    assert 'href="?strona=2"' in html
    second = client.get("/aktualnosci/", {"strona": 2})
    assert len(second.context["news"]) == NewsPage.objects.count() - 10
    assert client.get("/aktualnosci/", {"strona": "x"}).status_code == 200


def test_the_home_page_shows_the_three_newest_with_a_link_to_all(client, site_content):
    index = NewsIndexPage.objects.get()
    add_news(index, 1, datetime.date(2027, 3, 1))
    add_news(index, 2, datetime.date(2027, 3, 2))
    add_news(index, 3, datetime.date(2027, 3, 3), live=False)

    response = client.get("/")
    html = response.content.decode()

    assert [page.title for page in response.context["latest_news"]][:2] == [
        "Komunikat 2",
        "Komunikat 1",
    ]
    assert len(response.context["latest_news"]) == 3
    assert "Komunikat 3" not in html
    assert '<h2 id="news-latest-title">Aktualności</h2>' in html
    assert '<a href="/aktualnosci/">Wszystkie aktualności</a>' in html
    assert "2 marca 2027 r." in html


def test_an_announcement_shows_its_date_lead_and_way_back(client, site_content):
    page = add_news(NewsIndexPage.objects.get(), 7, datetime.date(2027, 2, 5))

    html = client.get(page.url).content.decode()

    assert "<h1>Komunikat 7</h1>" in html
    assert '<time datetime="2027-02-05">5 lutego 2027 r.</time>' in html
    assert "Zajawka komunikatu 7." in html
    assert '<a href="/aktualnosci/">Aktualności</a>' in html


def test_search_finds_announcements(client, site_content):
    add_news(NewsIndexPage.objects.get(), 9, datetime.date(2027, 2, 5))

    response = client.get(reverse("search"), {"q": "Zajawka"})

    assert "Komunikat 9" in [page.title for page in response.context["results"]]


def test_news_go_only_under_the_news_list(site_content):
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage in HomePage.allowed_subpage_models()
    assert not NewsPage.can_create_at(Page.objects.get(slug="regulamin").specific)


def test_editors_may_add_news(site_content):
    from portal.accounts.roles import EDITOR
    from tests.factories.accounts import StaffFactory

    editor = StaffFactory(role=EDITOR)
    index = NewsIndexPage.objects.get()

    assert index.permissions_for_user(editor).can_add_subpage()
    assert NewsPage in [
        model
        for model in index.specific_class.creatable_subpage_models()
        if model.can_create_at(index)
    ]
