"""Writes for site content: the idempotent loader of the demo content."""

import datetime

from django.db import transaction
from wagtail.models import Page, Site

from . import demo_content
from .models import (
    AccessibilityStatementPage,
    ContactPage,
    FaqPage,
    HomePage,
    LegalSettings,
    NavigationSettings,
    StandardPage,
)

PAGE_TYPES = {
    "standard": StandardPage,
    "contact": ContactPage,
    "faq": FaqPage,
    "accessibility": AccessibilityStatementPage,
}
MAIN_MENU_SLUGS = ["faq", "kontakt"]
FOOTER_MENU_SLUGS = [
    "regulamin",
    "polityka-prywatnosci",
    "deklaracja-dostepnosci",
    "kontakt",
]
DATE_FIELDS = {"published_on", "updated_on", "prepared_on"}


def _publish(page):
    page.save_revision().publish()
    return page


def _home_page_ensure() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain welcome page; the portal's home replaces it.
    for stock in root.get_children().filter(content_type__model="page", slug="home"):
        stock.delete()
    data = demo_content.HOME
    home = HomePage(
        title=data["title"],
        slug="home",
        seo_title=data.get("seo_title", ""),
        search_description=data.get("search_description", ""),
        intro=data["intro"],
        call_to_action=data["call_to_action"],
        body=data["body"],
    )
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Kompetencje dla pracy",
        )
    else:
        site.root_page = home
        site.site_name = "Kompetencje dla pracy"
        site.save()
    return home


def _child_page_ensure(home, spec) -> Page:
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    model = PAGE_TYPES[spec["type"]]
    fields = {
        "title": spec["title"],
        "slug": spec["slug"],
        "search_description": spec.get("search_description", ""),
    }
    if spec["type"] == "accessibility":
        for name, value in spec["fields"].items():
            fields[name] = (
                datetime.date.fromisoformat(value) if name in DATE_FIELDS else value
            )
    else:
        fields["intro"] = spec.get("intro", "")
        fields["body"] = spec["body"]
        if "notice" in spec:
            fields["notice"] = spec["notice"]
    page = model(**fields)
    home.add_child(instance=page)
    return _publish(page)


def _links(pages, slugs):
    return [
        {
            "type": "link",
            "value": {"label": pages[slug].title, "page": pages[slug].pk, "url": ""},
        }
        for slug in slugs
        if slug in pages
    ]


@transaction.atomic
def demo_content_load() -> dict:
    """Create the home page, the standard pages, menus and legal settings if missing.

    Running it again changes nothing an editor has already set.
    """
    home = _home_page_ensure()
    pages = {
        spec["slug"]: _child_page_ensure(home, spec) for spec in demo_content.PAGES
    }
    site = Site.objects.get(is_default_site=True)

    navigation = NavigationSettings.for_site(site)
    if not navigation.main_menu and not navigation.footer_menu:
        navigation.main_menu = _links(pages, MAIN_MENU_SLUGS)
        navigation.footer_menu = _links(pages, FOOTER_MENU_SLUGS)
        navigation.save()

    legal = LegalSettings.for_site(site)
    if legal.terms_page_id is None and legal.privacy_page_id is None:
        legal.terms_page = pages.get("regulamin")
        legal.privacy_page = pages.get("polityka-prywatnosci")
        legal.footer_text = demo_content.FOOTER_TEXT
        legal.save()
    return {"home": home, **pages}


def contact_message_create(*, name: str, email: str, message: str):
    """Keep a contact message and mail it to the portal's staff."""
    from django.conf import settings

    from portal.accounts.services import email_send

    from .models import ContactMessage

    with transaction.atomic():
        contact = ContactMessage.objects.create(name=name, email=email, message=message)
        email_send(
            template="pages/email/contact_message",
            to=settings.CONTACT_RECIPIENTS,
            context={"contact": contact},
            reply_to=[email],
        )
    return contact
