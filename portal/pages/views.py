from urllib.parse import quote_plus

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    pages = Page.objects.none()
    if query:
        pages = Page.objects.live().public().exclude(depth__lte=1).search(query)
    paginator = Paginator(pages, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "search_query_encoded": quote_plus(query),
            "paginator": paginator,
            "results": results if query else None,
        },
    )
