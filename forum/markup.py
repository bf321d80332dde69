"""Forum text: Markdown rendered to safe HTML, and a check for personal data."""

import re
import sys

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
    try:
        rendered = _markdown(text)
    except RecursionError:
        # The form refuses text nested past MAX_NESTING; text that got here anyway
        # (stored before the check) is shown as plain paragraphs.
        rendered = "".join(
            "<p>" + paragraph.replace("\n", "<br>") + "</p>"
            for paragraph in _escaped(text).split("\n\n")
        )
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


def _escaped(text: str) -> str:
    return text.strip().replace("&", "&amp;").replace("<", "&lt;")


def _markdown(text: str) -> str:
    """What Markdown builds; RecursionError when lists nest some 500 deep."""
    return markdown.markdown(_escaped(text), extensions=["nl2br", "sane_lists"])


# Lists and quotations nest at most this deep; real posts stay far below it.
MAX_NESTING = 20
NESTING_TAG = re.compile(r"<(/?)(?:ul|ol|blockquote)>")


def nesting_depth(text: str) -> int:
    """How deep the lists and quotations Markdown builds from the text nest.

    Lines nest by their own markers and indentation, and by continuing the item
    above them, so the depth is read from what Markdown builds. Text nested past
    what Markdown can build counts as deeper than any limit.
    """
    try:
        html = _markdown(text)
    except RecursionError:
        return sys.getrecursionlimit()
    depth = deepest = 0
    for closing in NESTING_TAG.findall(html):
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


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
    """A Markdown quotation of another post, as replies once started with.

    Replies now refer to the quoted post (`Post.quoted`) and show its current
    text; `quote_strip` takes these old copies out of replies.
    """
    lines = text.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"


QUOTE_BLOCK = re.compile(r"(?:>[^\r\n]*(?:\r?\n|$))+")
QUOTE_HEADER = re.compile(r">[ \t]?\*\*[^\r\n]*:\*\*[ \t]*")
BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+")


def quote_strip(body: str, quoted_body: str) -> str:
    """The reply without the copy of the quoted post it starts with, if it has one.

    The copy is the leading run of "> " lines: the one `quote` made (it starts
    with the author's name in bold), or lines that all come from the quoted post,
    or any when the quoted post has no text left (erased). Other text stays as
    written.
    """
    block = QUOTE_BLOCK.match(body)
    if not block:
        return body
    lines = block[0].splitlines()
    copied = bool(QUOTE_HEADER.fullmatch(lines[0])) or not quoted_body.strip()
    if not copied:
        source = {line.strip() for line in quoted_body.splitlines()}
        copied = all(line[1:].strip() in source for line in lines)
    if not copied:
        return body
    return BLANK_LINES.sub("", body[block.end() :], count=1)


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


def personal_data_redact(text: str, replacement: str) -> str:
    """The text with every PESEL, phone number and e-mail address replaced."""
    text = PESEL.sub(lambda m: replacement if is_valid_pesel(m[0]) else m[0], text)
    return EMAIL.sub(replacement, PHONE.sub(replacement, text))
