from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.core.http import client_ip, safe_next
from portal.core.pagecache import same_origin_post
from portal.core.ratelimit import rate_limit_allow

from . import display, services
from .forms import ContactForm
from .selectors import search_terms

RESULTS_PER_PAGE = 10
DISPLAY_TOOLS_ID = "wyglad"


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    pages = Page.objects.none()
    if terms := search_terms(query):
        pages = Page.objects.live().public().exclude(depth__lte=1).search(terms)
    paginator = Paginator(pages, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "paginator": paginator,
            "results": results if query else None,
        },
    )


CONTACT_LIMIT = (5, 60 * 60)


def contact_page(request, page):
    """The contact page: details from the CMS, and a form that keeps what was typed."""

    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            messages.success(request, _("Thank you. We will reply as soon as we can."))
            return redirect(page.url)
        limit, window = CONTACT_LIMIT
        if not rate_limit_allow(
            key=f"contact:{client_ip(request)}", limit=limit, window=window
        ):
            form.add_error(
                None, _("Too many messages from your address. Try again later.")
            )
        else:
            data = {k: form.cleaned_data[k] for k in ("name", "email", "message")}
            services.contact_message_create(**data)
            messages.success(request, _("Thank you. We will reply as soon as we can."))
            return redirect(page.url)
    return TemplateResponse(
        request, "pages/contact_page.html", {"page": page, "self": page, "form": form}
    )


@same_origin_post
def display_settings(request):
    """Set the text size or toggle high contrast; works as a plain form without JS.

    The form is on every page, kept ones too, so it carries no CSRF token.
    """

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    current = display.read(request)
    size = request.POST.get("size", current["size"])
    if size not in display.SIZES:
        size = current["size"]
    contrast = current["contrast"]
    if "contrast" in request.POST:
        contrast = request.POST["contrast"] == "high"
    # Back to the same place: with the fragment, the next Tab continues from the
    # display tools instead of the top of the page.
    target = safe_next(request, "/").split("#")[0]
    response = redirect(f"{target}#{DISPLAY_TOOLS_ID}")
    response.set_cookie(
        display.COOKIE_NAME,
        display.value(size=size, contrast=contrast),
        max_age=display.MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
