"""Forum text: Markdown rendered to safe HTML, and a check for personal data."""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
ABSOLUTE_LINK = ("http://", "https://", "mailto:")


def render(text: str) -> str:
    """Markdown to HTML that can only hold text, emphasis, lists, quotes and links.

    Every "<" and "&" typed is escaped first, so no markup a person types survives
    as markup ("> " still starts a quotation); what Markdown builds is then cleaned
    by nh3, which also drops every link whose scheme is not http, https or mailto
    (no javascript: or data:).
    """
    source = text.strip().replace("&", "&amp;").replace("<", "&lt;")
    rendered = markdown.markdown(source, extensions=["nl2br", "sane_lists"])
    rendered = CODE.sub(_unescape_once, rendered)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener ugc",
        attribute_filter=_absolute_links_only,
    )


CODE = re.compile(r"(<code>)(.*?)(</code>)", re.S)


def _unescape_once(match):
    """Markdown escapes code again, over the escaping done above: undo one level,
    so `<b>` typed in code shows as <b>, not as &lt;b>."""
    return match[1] + match[2].replace("&amp;", "&") + match[3]


def _absolute_links_only(tag, attribute, value):
    """Keep only links that say where they go: no relative or odd-scheme addresses."""
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(ABSOLUTE_LINK) else None
    return value


def quote(author_name: str, text: str) -> str:
    """A Markdown quotation of another post, to start a reply with."""
    lines = text.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"


# Personal data -------------------------------------------------------------------

PESEL = re.compile(r"(?<!\d)(\d{11})(?!\d)")
PHONE = re.compile(
    r"(?<![\d+])(?:\+48[\s-]?|0048[\s-]?)?"
    r"(?:\d{3}[\s-]?\d{3}[\s-]?\d{3}|\d{2}[\s-]\d{3}[\s-]\d{2}[\s-]\d{2})(?!\d)"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def is_valid_pesel(number: str) -> bool:
    if len(number) != 11 or not number.isdigit():
        return False
    checksum = sum(int(d) * w for d, w in zip(number[:10], PESEL_WEIGHTS, strict=True))
    return (10 - checksum % 10) % 10 == int(number[10])


def personal_data_found(text: str) -> list[str]:
    """The kinds of personal data the text seems to contain (PESEL, phone, e-mail)."""
    found = []
    if any(is_valid_pesel(match) for match in PESEL.findall(text)):
        found.append("pesel")
    without_pesels = PESEL.sub(lambda m: " " if is_valid_pesel(m[0]) else m[0], text)
    if PHONE.search(without_pesels):
        found.append("phone")
    if EMAIL.search(text):
        found.append("email")
    return found
