from html.parser import HTMLParser

import pytest

from forum.markup import is_valid_pesel, personal_data_found, quote, render

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">klik</a>',
    "<svg onload=alert(1)>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](jav&#x61;script:alert(1))",
    "[klik]( javascript:alert(1) )",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![obraz](javascript:alert(1))",
    '[klik](javascript:alert(1) "tytuł")',
    "[klik][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "**[a](javascript:alert(1))**",
    "> [cytat](javascript:alert(1))",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    "<!-- <script>alert(1)</script> -->",
    "[x](vbscript:msgbox(1))",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "    <img src=x onerror=alert(1)>",
    "`&lt;script&gt;alert(1)&lt;/script&gt;`",
]


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_becomes_markup_or_a_dangerous_link(text):
    for tag, attrs in Elements(render(text)).found:
        assert tag in {
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
        assert not any(name.startswith("on") for name in attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href or href.startswith(("http://", "https://", "mailto:")), href


def test_safe_formatting_is_kept():
    html = render("**Ważne:** zobacz [stronę WUP](https://wup.krakow.pl)\n\n- punkt")
    assert "<strong>Ważne:</strong>" in html
    assert '<a href="https://wup.krakow.pl" rel="nofollow noopener ugc">' in html
    assert "<li>punkt</li>" in html


@pytest.mark.parametrize(
    "text, shown",
    [
        ("`<b>` i `a && b`", "<b> i a && b"),
        ("    if x < 3 && y:", "if x < 3 && y:"),
        ("`&lt;` to encja", "&lt; to encja"),
        ("a < b & c", "a < b & c"),
    ],
)
def test_code_and_text_show_exactly_what_was_typed(text, shown):
    class Text(HTMLParser):
        def __init__(self, html):
            super().__init__(convert_charrefs=True)
            self.parts = []
            self.feed(html)

        def handle_data(self, data):
            self.parts.append(data)

    assert "".join(Text(render(text)).parts).strip() == shown


def test_a_quote_renders_as_a_quotation_of_the_original_text():
    html = render(quote("Anna K.", "Ala <b>ma</b> kota") + "Zgadzam się.")
    assert html.startswith("<blockquote>")
    assert "<strong>Anna K.:</strong>" in html
    assert "&lt;b&gt;ma&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Mój PESEL to 44051401359.", ["pesel"]),
        ("Liczba 44051401358 nie jest numerem PESEL.", []),
        ("Zadzwoń: 600 700 800", ["phone"]),
        ("tel. +48 12 424 07 00", ["phone"]),
        ("Napisz na jan.kowalski@example.org", ["email"]),
        ("W 2026 roku kurs trwał 120 minut i kosztował 0 zł.", []),
    ],
)
def test_personal_data_is_recognised(text, kinds):
    assert personal_data_found(text) == kinds


def test_pesel_checksum():
    assert is_valid_pesel("02070803628")
    assert not is_valid_pesel("02070803627")
