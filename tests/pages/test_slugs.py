"""Page addresses stay ASCII, whether Wagtail makes them or an editor types them."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.accounts.roles import EDITOR
from portal.pages.models import HomePage, StandardPage
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db
TITLE = "Nabór na szkolenia – źródła"


@pytest.fixture
def editor_client(client, site_content):
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    return client


def add_standard_page(client, *, title, slug):
    home = HomePage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home.pk))
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Zapisy trwają.</p>"))]),
        }
    )
    return client.post(url, data)


def test_a_page_saved_without_an_address_gets_an_ascii_one(site_content):
    """The admin's form fills the address in the browser (the editorial journey
    checks it there); a page saved without one gets it on the server."""
    home = HomePage.objects.get()
    page = home.add_child(instance=StandardPage(title=TITLE, body=[]))

    assert page.slug == "nabor-na-szkolenia-zrodla"
    second = home.add_child(instance=StandardPage(title=TITLE, body=[]))
    assert second.slug == "nabor-na-szkolenia-zrodla-2"


def test_an_address_typed_with_polish_letters_is_refused_on_its_field(
    editor_client,
):
    response = add_standard_page(editor_client, title=TITLE, slug="nabór-źródła")

    assert response.status_code == 200
    html = response.content.decode()
    assert "W adresie używaj tylko liter bez polskich znaków (a–z)" in html
    assert 'value="Nabór na szkolenia – źródła"' in html  # nothing typed is lost
    assert not StandardPage.objects.filter(title=TITLE).exists()


def test_an_address_typed_in_ascii_is_kept(editor_client):
    response = add_standard_page(editor_client, title=TITLE, slug="nabor-2027")

    assert response.status_code == 302
    assert StandardPage.objects.get(title=TITLE).slug == "nabor-2027"


def test_every_demo_page_has_an_ascii_address(site_content):
    slugs = list(Page.objects.exclude(depth=1).values_list("slug", flat=True))

    assert len(slugs) > 5
    assert all(slug.isascii() for slug in slugs), slugs
