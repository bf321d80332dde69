import pytest
from django.urls import reverse
from wagtail.models import Page

from portal.pages.demo import demo_content_load
from portal.pages.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

# The element ids of the official template (version 2.0 of the Ministry of Digital
# Affairs' technical conditions for the statement).
A11Y_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-ocena",
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
        assert html.count(f'id="{element_id}"') == 1, element_id
    assert (
        '<time id="a11y-data-publikacja" datetime="2026-11-22">22 listopada 2026 r.'
        in html
    )
    assert '<time id="a11y-data-aktualizacja" datetime="2026-11-29">' in html
    assert '<time id="a11y-data-sporzadzenie" datetime="2026-11-22">' in html
    assert '<time id="a11y-data-przeglad" datetime="2026-11-29">' in html


def test_accessibility_statement_uses_the_official_wording_and_sections(
    client, site_content
):
    html = client.get("/deklaracja-dostepnosci/").content.decode()

    assert (
        "zobowiązuje się zapewnić dostępność swojej "
        '<span id="a11y-zakres">strony internetowej</span>'
    ) in html
    assert (
        "Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. "
        "o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów "
        "publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej."
    ) in html
    for title in (
        "Stan dostępności cyfrowej",
        "Niedostępne treści",
        "Przygotowanie deklaracji dostępności i jej aktualizacja",
        "Informacje zwrotne i dane kontaktowe",
        "Obsługa wniosków i skarg związanych z dostępnością",
        "Dostępność architektoniczna",
        "Dostępność komunikacyjno-informacyjna",
    ):
        assert f">{title}</h2>" in html, title
    assert '<p id="a11y-ocena">Deklarację sporządzono na podstawie samooceny' in html


def test_accessibility_statement_promises_no_films(client, site_content):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    statement = html[html.index("<main") : html.index("</main>")].lower()
    assert "film" not in statement and "audiodeskrypc" not in statement


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
    make_course(slug="kurs-0")
    demo_content_load()  # the home page now lists the catalogue's courses
    client.get("/")  # warm the site-root cache
    with django_assert_max_num_queries(16) as first:
        client.get("/")
    home = HomePage.objects.get()
    news = NewsIndexPage.objects.get()
    for number in range(15):
        home.add_child(
            instance=StandardPage(
                title=f"Strona {number}", slug=f"strona-{number}", body=[]
            )
        )
        news.add_child(
            instance=NewsPage(
                title=f"Komunikat {number}",
                slug=f"komunikat-{number}",
                lead="Zajawka.",
                body=[],
            )
        )
    for number in range(1, 6):
        make_course(slug=f"kurs-{number}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        html = client.get("/").content.decode()
    assert "kurs-5" in html and "Komunikat 14" in html
