import pytest
from django.urls import reverse
from wagtail.models import Page

from portal.pages.demo import demo_content_load
from portal.pages.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

A11Y_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
]


def test_home_page_is_titled_kompetencje_dla_pracy(client, site_content):
    html = client.get("/").content.decode()

    assert "<title>Kompetencje dla pracy" in html
    assert '<html lang="pl" class="text-normal">' in html
    assert 'href="#main"' in html and 'id="main"' in html


def test_demo_content_loader_is_idempotent(site_content):
    counts = Page.objects.count()
    demo_content_load()
    assert Page.objects.count() == counts
    assert HomePage.objects.count() == 1


def test_footer_links_lead_to_the_legal_pages(client, site_content):
    html = client.get("/").content.decode()
    for slug in (
        "regulamin",
        "polityka-prywatnosci",
        "deklaracja-dostepnosci",
        "kontakt",
    ):
        assert f'href="/{slug}/"' in html
        assert client.get(f"/{slug}/").status_code == 200


def test_accessibility_statement_carries_the_required_ids_and_dates(
    client, site_content
):
    html = client.get("/deklaracja-dostepnosci/").content.decode()

    for element_id in A11Y_IDS:
        assert f'id="{element_id}"' in html
    assert '<time id="a11y-data-publikacja" datetime="2026-11-02">' in html
    assert '<time id="a11y-data-sporzadzenie" datetime="' in html


def test_faq_page_lists_questions_with_answers(client, site_content):
    html = client.get("/faq/").content.decode()
    assert html.count("<details") >= 10
    assert "<summary>" in html


def test_menus_edited_in_the_admin_appear_on_every_page(client, site_content):
    from portal.pages.models import NavigationSettings

    navigation = NavigationSettings.objects.get()
    navigation.main_menu = [
        {
            "type": "link",
            "value": {
                "label": "Rekrutacja",
                "page": None,
                "url": "https://wupkrakow.praca.gov.pl",
            },
        }
    ]
    navigation.save()

    html = client.get("/regulamin/").content.decode()

    assert '<a href="https://wupkrakow.praca.gov.pl">Rekrutacja</a>' in html


def test_search_finds_published_pages(client, site_content):
    response = client.get(reverse("search"), {"q": "regulamin"})

    assert response.status_code == 200
    titles = [page.title for page in response.context["results"]]
    assert "Regulamin portalu" in titles


def test_search_with_no_query_shows_the_form_only(client, site_content):
    response = client.get(reverse("search"))
    assert response.context["results"] is None


def test_home_page_queries_are_bounded_and_do_not_grow_with_pages(
    client, site_content, django_assert_max_num_queries
):
    client.get("/")  # warm the site-root cache
    with django_assert_max_num_queries(10) as first:
        client.get("/")
    home = HomePage.objects.get()
    for number in range(15):
        home.add_child(
            instance=StandardPage(
                title=f"Strona {number}", slug=f"strona-{number}", body=[]
            )
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/")
