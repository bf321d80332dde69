from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_every_page_link_keeps_the_filters_and_search():
    request = RequestFactory().get(
        "/admin/wnioski-rodo/?status=closed&due=soon&strona=2"
    )
    page = Paginator(range(100), 30).get_page(2)

    html = render_to_string(
        "components/pagination.html", {"page_obj": page}, request=request
    )

    assert 'href="?status=closed&amp;due=soon&amp;strona=1"' in html
    assert 'href="?status=closed&amp;due=soon&amp;strona=3"' in html


def test_the_page_parameter_can_be_named():
    request = RequestFactory().get("/szukaj/", {"q": "rozmowa & CV"})
    page = Paginator(range(30), 10).get_page(1)

    html = render_to_string(
        "components/pagination.html",
        {"page_obj": page, "param": "page"},
        request=request,
    )

    assert 'href="?q=rozmowa+%26+CV&amp;page=2"' in html
