"""The home page's list of courses comes from the page tree, not from typed text."""

import pytest

from portal.pages.demo import demo_content_load
from portal.pages.models import HomePage
from portal.pages.selectors import duration_text, listing_facts
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(site_content):
    courses = [make_course(slug=f"kurs-{number}") for number in range(3)]
    demo_content_load()  # links the home page's list to the catalogue, now there
    return courses


def test_the_home_page_links_every_published_course(client, catalogue):
    html = client.get("/").content.decode()

    for course in catalogue:
        assert f'<a href="{course.url}">{course.title}</a>' in html
        assert course.search_description in html
    assert '<a href="/kursy/">Przejdź do katalogu kursów</a>' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "film" not in main  # no course has a film


def test_a_course_taken_offline_leaves_the_home_page(client, catalogue):
    catalogue[0].unpublish()

    html = client.get("/").content.decode()

    assert catalogue[0].title not in html
    assert catalogue[1].title in html


def test_each_course_shows_its_learning_time(client, catalogue):
    course = catalogue[0]
    course.estimated_minutes = 150
    course.save_revision().publish()

    html = client.get("/").content.decode()

    assert "Czas nauki: około 2 godz. 30 min" in html


def test_a_list_chosen_by_an_editor_is_not_relinked(catalogue):
    home = HomePage.objects.get()
    body = list(home.body.raw_data)
    listing = next(block for block in body if block["type"] == "child_pages")
    listing["value"]["page"] = home.pk
    home.body = body
    home.save_revision().publish()

    demo_content_load()

    home.refresh_from_db()
    listing = next(b for b in home.body.raw_data if b["type"] == "child_pages")
    assert listing["value"]["page"] == home.pk


def test_the_home_page_is_fine_before_the_catalogue_exists(client, site_content):
    response = client.get("/")
    assert response.status_code == 200
    assert 'class="page-list"' not in response.content.decode()


def test_listing_facts_prefer_what_the_page_offers():
    class Offers:
        estimated_minutes = 90

        def listing_facts(self):
            return ["8 lekcji"]

    class Minutes:
        estimated_minutes = 45

    assert listing_facts(Offers()) == ["8 lekcji"]
    assert listing_facts(Minutes()) == ["Czas nauki: około 45 min"]
    assert listing_facts(object()) == []


@pytest.mark.parametrize(
    "minutes, text", [(45, "45 min"), (60, "1 godz."), (90, "1 godz. 30 min")]
)
def test_durations_are_written_the_portal_way(minutes, text):
    assert duration_text(minutes) == text
