"""The demo pages: read from content/*.toml (see its README), created if missing."""

import datetime
import tomllib
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from privacy.models import LegalSettings

from .models import (
    AccessibilityStatementPage,
    ContactPage,
    FaqPage,
    HomePage,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
PAGE_TYPES = {
    "standard": StandardPage,
    "contact": ContactPage,
    "faq": FaqPage,
    "accessibility": AccessibilityStatementPage,
    "news_index": NewsIndexPage,
}
MAIN_MENU_SLUGS = ["aktualnosci", "faq", "kontakt"]
FOOTER_MENU_SLUGS = [
    "regulamin",
    "polityka-prywatnosci",
    "deklaracja-dostepnosci",
    "kontakt",
]
DATE_FIELDS = {"published_on", "updated_on", "prepared_on", "reviewed_on"}


class ContentError(ValueError):
    pass


def _unwrapped(value):
    """Join the lines of every text the way HTML reads them.

    A line break counts as one space, and none at all between two tags, so that
    editors can put each paragraph and list item on its own line.
    """
    if isinstance(value, dict):
        return {key: _unwrapped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unwrapped(item) for item in value]
    if not isinstance(value, str):
        return value
    text = ""
    for line in filter(None, (line.strip() for line in value.splitlines())):
        if text and not (text.endswith(">") and line.startswith("<")):
            text += " "
        text += line
    return text


def _block(block: dict, where: str) -> dict:
    """Turn one `[[body]]` table into a StreamField block's raw data."""
    match block:
        case {"type": "heading", "text": text, "level": level}:
            value = {"text": text, "level": level}
        case {"type": "paragraph", "html": html}:
            value = html
        case {"type": "callout", "title": title, "html": html}:
            value = {"title": title, "text": html}
        case {"type": "section", "title": title, "items": items}:
            value = {
                "title": title,
                "items": [
                    {"question": item["question"], "answer": item["answer"]}
                    for item in items
                ],
            }
        case {"type": "cookie_declaration"}:
            value = None
        case {"type": "child_pages", "page": str()}:
            # The page is named by its slug under the home page; demo_content_load
            # links it once that page exists (the course catalogue comes later).
            value = {"page": None, "link_text": block.get("link_text", "")}
        case _:
            raise ContentError(f"{where}: unknown type or a missing field")
    return {"type": block["type"], "value": value}


def _body(blocks: list, where: str) -> list:
    return [
        _block(block, f"{where} block {number}")
        for number, block in enumerate(blocks, start=1)
    ]


def _page_read(name: str) -> dict:
    path = CONTENT_DIR / f"{name}.toml"
    with open(path, "rb") as handle:
        page = _unwrapped(tomllib.load(handle))
    if "body" in page:
        page["listings"] = [
            block["page"] for block in page["body"] if block["type"] == "child_pages"
        ]
        page["body"] = _body(page["body"], path.name)
    for item in page.get("news", []):
        item["body"] = _body(item["body"], f"{path.name} news “{item['slug']}”")
    return page


def demo_content_read() -> dict:
    """Read the content files into the raw data the page models take."""
    with open(CONTENT_DIR / "site.toml", "rb") as handle:
        site = tomllib.load(handle)
    return {
        "home": _page_read("home"),
        "pages": [{"slug": slug, **_page_read(slug)} for slug in site["pages"]],
        "footer_text": site["footer_text"].strip(),
    }


def _publish(page):
    page.save_revision().publish()
    return page


def _home_page_ensure(data: dict) -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain welcome page; the portal's home replaces it.
    for stock in root.get_children().filter(content_type__model="page", slug="home"):
        stock.delete()
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
    elif spec["type"] == "news_index":
        fields["intro"] = spec.get("intro", "")
    else:
        fields["intro"] = spec.get("intro", "")
        fields["body"] = spec["body"]
        if "notice" in spec:
            fields["notice"] = spec["notice"]
    page = model(**fields)
    home.add_child(instance=page)
    _publish(page)
    for item in spec.get("news", []):
        news = NewsPage(
            title=item["title"],
            slug=item["slug"],
            date=datetime.date.fromisoformat(item["date"]),
            lead=item["lead"],
            body=item["body"],
        )
        page.add_child(instance=news)
        _publish(news)
    return page


def _listings_link(home, slugs) -> None:
    """Point the home page's lists of subpages at the pages the content names.

    Only a list still pointing nowhere is linked, and only once its page exists,
    so an editor's choice is never changed.
    """
    home = home.specific
    body = list(home.body.raw_data)
    lists = [block for block in body if block["type"] == "child_pages"]
    changed = False
    for block, slug in zip(lists, slugs, strict=False):
        if block["value"].get("page"):
            continue
        target = home.get_children().filter(slug=slug).first()
        if target is not None:
            block["value"] = {**block["value"], "page": target.pk}
            changed = True
    if changed:
        home.body = body
        _publish(home)


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
    content = demo_content_read()
    home = _home_page_ensure(content["home"])
    pages = {spec["slug"]: _child_page_ensure(home, spec) for spec in content["pages"]}
    _listings_link(home, content["home"].get("listings", []))
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
        legal.footer_text = content["footer_text"]
        legal.save()
    return {"home": home, **pages}
