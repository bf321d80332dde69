"""The reader's display preferences: text size and high contrast, kept in a cookie.

A preference the person sets themselves is part of the service they asked for, so
the cookie is a necessary one (it is listed in the cookie declaration).
"""

COOKIE_NAME = "kdp_display"
SIZES = ("normal", "large", "xlarge")
MAX_AGE = 60 * 60 * 24 * 365


def read(request) -> dict:
    raw = request.COOKIES.get(COOKIE_NAME, "")
    size, _, contrast = raw.partition("|")
    return {
        "size": size if size in SIZES else "normal",
        "contrast": contrast == "high",
    }


def value(*, size: str, contrast: bool) -> str:
    return f"{size}|{'high' if contrast else 'normal'}"
