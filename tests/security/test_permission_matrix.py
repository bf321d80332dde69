"""Who may open what: every address of the portal, as every kind of visitor.

The tables below are the specification. Each row is one address and what each visitor
gets there: anonymous, the learner who owns the objects in it (A, "owner"), another
learner (B, "other") and each staff role. URLs are templates filled from the objects
the module builds ("{certificate.number}").

The URL patterns are read from the resolver, the page types and their sub-routes from
Wagtail, the project's admin screens from both; one that no table classifies fails a
test, so no address goes live unchecked. Besides the status, no response to anyone but
A and the data-protection officer may show A's name or e-mail address.

The objects are built once per module inside a transaction that is rolled back at the
end; each test runs in a savepoint within it, so what a test posts is undone. Nothing
is committed, so no background task runs: the certificate's PDF is a stand-in.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls import resolve as resolve_path
from django.utils import translation
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from portal.accounts.roles import (
    CENTRE_MANAGER,
    COORDINATOR,
    COUNSELLOR,
    DATA_PROTECTION_OFFICER,
    EDITOR,
    MODERATOR,
)
from tests.admin_helpers import login_with_second_factor
from tests.conftest import PASSWORD
from tests.factories.accounts import StaffFactory, UserFactory
from tests.security import counselling_matrix

OWN_PACKAGES = ("portal", "courses", "forum", "privacy", "counselling")
OWN_APP_LABELS = {"accounts", "pages", "courses", "forum", "privacy", "counselling"}

ROLES = {
    "editor": EDITOR,
    "officer": DATA_PROTECTION_OFFICER,
    "moderator": MODERATOR,
    "coordinator": COORDINATOR,
    "counsellor": COUNSELLOR,
    "manager": CENTRE_MANAGER,
}
LEARNERS = ("owner", "other")
VISITORS = ("anonymous", *LEARNERS, *ROLES)

# Moderators work with forum names only, the coordinator with totals, the editor with
# content; only A and the officer who handles A's requests see who A is.
SEES_THE_OWNER = ("owner", "officer")


# Outcomes -----------------------------------------------------------------------------


def to(path):
    return f"→ {path}"


LOGIN = "→ sign-in"
ADMIN_HOME = "→ admin home (Wagtail's 'no permission' message)"
MY_DATA = to("/konto/moje-dane/")
REAUTHENTICATE = to("/konto/reauthenticate/")


def outcome(response):
    """What a visitor got, in the words the tables use."""
    if response.status_code in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        if path == reverse("account_login"):
            return LOGIN
        if path == reverse("wagtailadmin_home"):
            return ADMIN_HOME
        return to(path)
    return response.status_code


# Rows ---------------------------------------------------------------------------------


@dataclass
class Row:
    key: str
    url: str
    expected: dict
    method: str = "get"
    data: dict = field(default_factory=dict)
    names_the_owner: bool = False
    shown_to: tuple = ()

    @property
    def id(self):
        return f"{self.key} {self.method.upper()} {self.url}"


def row(
    key,
    url,
    *,
    everyone=None,
    learners=None,
    staff=None,
    method="get",
    data=None,
    names_the_owner=False,
    shown_to=(),
    **cells,
):
    """One address; `everyone`, `learners` and `staff` fill the cells not named.

    `names_the_owner` marks a page that shows A's name to whoever holds its address,
    on purpose: the verification of a certificate by the code printed on it.
    """
    unknown = set(cells) - set(VISITORS)
    assert not unknown, f"unknown visitors {unknown} in row {key}"
    expected = {}
    for visitor in VISITORS:
        group = learners if visitor in LEARNERS else staff if visitor in ROLES else None
        value = cells.get(visitor, group if group is not None else everyone)
        assert value is not None, f"row {key} says nothing about {visitor}"
        expected[visitor] = value
    return Row(key, url, expected, method, data or {}, names_the_owner, tuple(shown_to))


def admin_row(key, url, **cells):
    """Anonymous visitors are sent to sign in; learners never get past the door."""
    return row(key, url, anonymous=LOGIN, learners=403, **cells)


def viewset_rows(namespace, pk, *, every_screen, inspect=False, prefix=None, **screens):
    """The screens of one model viewset; `screens` set some apart from the rest.

    `prefix` is the viewset's address when it differs from its URL namespace.
    """
    paths = {
        "index": "",
        "index_results": "results/",
        "add": "new/",
        "edit": "edit/{pk}/",
        "delete": "delete/{pk}/",
        "history": "history/{pk}/",
        "history_results": "history-results/{pk}/",
        "usage": "usage/{pk}/",
    }
    if inspect:
        paths["inspect"] = "inspect/{pk}/"
    return [
        admin_row(
            f"{namespace}:{screen}",
            f"/admin/{prefix or namespace}/{path}".replace("{pk}", pk),
            **screens.get(screen, every_screen),
        )
        for screen, path in paths.items()
    ]


PUBLIC = [
    # Infrastructure. Wagtail's own sign-in is shadowed by the redirect to allauth.
    row("healthz", "/healthz", everyone=200),
    row("_util/login/", "/_util/login/", everyone=LOGIN),
    row("wagtailcore_login", "/_util/login/", everyone=LOGIN),
    row(
        "wagtailcore_authenticate_with_password",
        "/_util/authenticate_with_password/{page_restriction.pk}/{restricted_page.pk}/",
        everyone=200,
    ),
    row("search", "/szukaj/?q=kurs", everyone=200),
    row("display_settings", "/wyglad/", everyone=405),
    row("wagtaildocs_serve", "/dokumenty/{document.pk}/harmonogram.txt", everyone=200),
    row(
        "wagtaildocs_authenticate_with_password",
        "/dokumenty/authenticate_with_password/{collection_restriction.pk}/",
        everyone=200,
    ),
    # The account
    row("accounts:my_data", "/konto/moje-dane/", anonymous=LOGIN, everyone=200),
    row(
        "accounts:accept_documents",
        "/konto/akceptacja-dokumentow/",
        anonymous=LOGIN,
        everyone=MY_DATA,
    ),
    row("accounts:session", "/konto/sesja/", everyone=200),
    row("account_login", "/konto/login/", anonymous=200, everyone=MY_DATA),
    row("account_logout", "/konto/logout/", anonymous=to("/"), everyone=200),
    row("account_inactive", "/konto/inactive/", everyone=200),
    row("account_signup", "/konto/signup/", anonymous=200, everyone=MY_DATA),
    row(
        "account_reauthenticate",
        "/konto/reauthenticate/",
        anonymous=LOGIN,
        everyone=200,
    ),
    row("account_email", "/konto/email/", anonymous=LOGIN, everyone=200),
    row("account_email_verification_sent", "/konto/confirm-email/", everyone=200),
    row("account_confirm_email", "/konto/confirm-email/nieznany-klucz/", everyone=200),
    row(
        "account_change_password",
        "/konto/password/change/",
        anonymous=LOGIN,
        everyone=200,
    ),
    row(
        "account_set_password",
        "/konto/password/set/",
        anonymous=LOGIN,
        everyone=to("/konto/password/change/"),
    ),
    row("account_reset_password", "/konto/password/reset/", everyone=200),
    row("account_reset_password_done", "/konto/password/reset/done/", everyone=200),
    row(
        "account_reset_password_from_key",
        "/konto/password/reset/key/1-nieznany-klucz/",
        everyone=200,
    ),
    row(
        "account_reset_password_from_key_done",
        "/konto/password/reset/key/done/",
        everyone=200,
    ),
    row(
        "account_confirm_login_code",
        "/konto/login/code/confirm/",
        anonymous=LOGIN,
        everyone=MY_DATA,
    ),
    # Two-factor authentication. Staff must keep theirs and every change asks for the
    # password again; learners may set one up, though nothing links them there.
    row("mfa_index", "/konto/2fa/", anonymous=LOGIN, everyone=200),
    row(
        "mfa_authenticate",
        "/konto/2fa/authenticate/",
        anonymous=LOGIN,
        everyone=MY_DATA,
    ),
    row(
        "mfa_reauthenticate",
        "/konto/2fa/reauthenticate/",
        anonymous=LOGIN,
        learners=REAUTHENTICATE,
        staff=200,
    ),
    row(
        "mfa_activate_totp",
        "/konto/2fa/totp/activate/",
        anonymous=LOGIN,
        everyone=REAUTHENTICATE,
    ),
    row(
        "mfa_deactivate_totp",
        "/konto/2fa/totp/deactivate/",
        anonymous=LOGIN,
        learners=404,
        staff=REAUTHENTICATE,
    ),
    row(
        "mfa_view_recovery_codes",
        "/konto/2fa/recovery-codes/",
        anonymous=LOGIN,
        everyone=404,
    ),
    row(
        "mfa_generate_recovery_codes",
        "/konto/2fa/recovery-codes/generate/",
        anonymous=LOGIN,
        everyone=REAUTHENTICATE,
    ),
    row(
        "mfa_download_recovery_codes",
        "/konto/2fa/recovery-codes/download/",
        anonymous=LOGIN,
        everyone=404,
    ),
    # Courses. A certificate is A's alone; its verification code is public on purpose.
    row("courses:dashboard", "/moje-kursy/", anonymous=LOGIN, everyone=200),
    row(
        "courses:certificate",
        "/certyfikaty/{certificate.number}/",
        everyone=404,
        owner=200,
    ),
    row(
        "courses:certificate_pdf",
        "/certyfikaty/{certificate.number}/pdf/",
        everyone=404,
        owner=200,
    ),
    row("courses:verify", "/weryfikacja-certyfikatu/?kod=NIEZNANY", everyone=200),
    row(
        "courses:verify_code",
        "/weryfikacja-certyfikatu/{certificate.verification_code}/",
        everyone=200,
        names_the_owner=True,
    ),
    # Forum: for verified learners and moderators. A's post is A's to change.
    row(
        "forum:index",
        "/forum/{forum.pk}/",
        anonymous=LOGIN,
        learners=200,
        staff=403,
        moderator=200,
    ),
    row(
        "forum:topic_new",
        "/forum/{forum.pk}/nowy-temat/",
        anonymous=LOGIN,
        learners=200,
        staff=403,
    ),
    row(
        "forum:topic",
        "/forum/temat/{topic.pk}/",
        anonymous=LOGIN,
        learners=200,
        staff=403,
        moderator=200,
    ),
    row(
        "forum:post_edit",
        "/forum/wpis/{post.pk}/edytuj/",
        everyone=404,
        owner=200,
    ),
    row(
        "forum:post_edit",
        "/forum/wpis/{post.pk}/edytuj/",
        method="post",
        data={"body": "Zmienione."},
        everyone=404,
        owner=to("/forum/temat/{topic.pk}/"),
    ),
    row(
        "forum:post_report",
        "/forum/wpis/{post.pk}/zglos/",
        everyone=404,
        other=200,
    ),
    row(
        "forum:subscription_toggle",
        "/forum/powiadomienia/topic/{topic.pk}/",
        everyone=405,
    ),
    row(
        "forum:subscription_toggle",
        "/forum/powiadomienia/topic/{topic.pk}/",
        method="post",
        anonymous=404,
        learners=to("/forum/temat/{topic.pk}/"),
        staff=403,
        moderator=to("/forum/temat/{topic.pk}/"),
    ),
    row("forum:unsubscribe", "/forum/wypisz/nieprawdziwy-token/", everyone=404),
    row(
        "forum:unsubscribe",
        "/forum/wypisz/{unsubscribe_token}/",
        everyone=200,
    ),
    row("forum:display_name", "/forum/moja-nazwa/", anonymous=LOGIN, everyone=200),
    # Privacy. A's copy of data is A's alone; the e-mailed link confirms a request.
    row("privacy:decide", "/cookies/decyzja/", everyone=405),
    row("privacy:cookie_settings", "/ustawienia-cookies/", everyone=200),
    row("privacy:my_requests", "/konto/wnioski-rodo/", anonymous=LOGIN, everyone=200),
    row("privacy:public_request", "/wniosek-rodo/", everyone=200),
    row("privacy:export", "/konto/kopia-danych/{export.pk}/", everyone=404, owner=200),
    row(
        "privacy:confirm_request",
        "/wniosek-rodo/potwierdz/nieprawdziwy-token/",
        everyone=404,
    ),
    row(
        "privacy:confirm_request",
        "/wniosek-rodo/potwierdz/{confirm_token}/",
        everyone=200,
    ),
]

COURSE = "/kursy/kurs-testowy/"
LESSON = "/kursy/kurs-testowy/lekcja-1/"
NEWS = "/aktualnosci/"

# Served by Wagtail's catch-all pattern: each page type and each route of a routable
# page. A attempted the test once (and passed); B is enrolled and has not.
PAGES = [
    row("page:HomePage", "/", everyone=200),
    row("page:StandardPage", "/regulamin/", everyone=200),
    row("page:StandardPage", "/dla-partnerow/", everyone=200),  # the password form
    row("page:StandardPage", "/w-przygotowaniu/", everyone=404),  # a draft
    row("page:StandardPage", "/nie-ma-takiej-strony/", everyone=404),
    row("page:ContactPage", "/kontakt/", everyone=200),
    row("page:FaqPage", "/faq/", everyone=200),
    row("page:AccessibilityStatementPage", "/deklaracja-dostepnosci/", everyone=200),
    row("page:CourseIndexPage", "/kursy/", everyone=200),
    row("page:NewsIndexPage", NEWS, everyone=200),
    row("page:NewsPage", NEWS + "portal-kompetencje-dla-pracy-rusza/", everyone=200),
    row("page:NewsPage", NEWS + "zapowiedz/", everyone=404),  # a draft
    row("page:CoursePage.course_view", COURSE, everyone=200),
    row("page:CoursePage.enroll", COURSE + "zapisz/", everyone=405),
    row(
        "page:CoursePage.test",
        COURSE + "test/",
        anonymous=LOGIN,
        learners=200,
        staff=to(COURSE),
    ),
    row(
        "page:CoursePage.test_take",
        COURSE + "test/1/",
        everyone=404,
        owner=to(COURSE + "test/1/wynik/"),
    ),
    row(
        "page:CoursePage.test_take",
        COURSE + "test/1/",
        method="post",
        data={"submit": "1"},
        everyone=404,
        owner=to(COURSE + "test/1/wynik/"),
    ),
    row(
        "page:CoursePage.test_finish",
        COURSE + "test/1/zakoncz/",
        everyone=404,
        owner=to(COURSE + "test/1/wynik/"),
    ),
    row(
        "page:CoursePage.test_finish",
        COURSE + "test/1/zakoncz/",
        method="post",
        everyone=404,
        owner=to(COURSE + "test/1/wynik/"),
    ),
    row(
        "page:CoursePage.test_result",
        COURSE + "test/1/wynik/",
        everyone=404,
        owner=200,
    ),
    row("page:LessonPage.lesson_view", LESSON, everyone=200),
    row("page:LessonPage.done", LESSON + "ukonczona/", everyone=405),
    row("page:LessonPage.check", LESSON + "sprawdz/{check_block_id}/", everyone=405),
]

# The project's own admin screens: each belongs to one role.
ADMIN_OWN = [
    # Wagtail listings (index, and results for the filters); the old names too.
    admin_row(
        "forum_moderation:queue", "/admin/moderacja/", staff=ADMIN_HOME, moderator=200
    ),
    admin_row(
        "forum_moderation:index", "/admin/moderacja/", staff=ADMIN_HOME, moderator=200
    ),
    admin_row(
        "forum_moderation:index_results",
        "/admin/moderacja/results/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    admin_row(
        "forum_moderation:log",
        "/admin/moderacja/dziennik/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    admin_row(
        "moderation_log:index",
        "/admin/moderacja/dziennik/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    admin_row(
        "moderation_log:index_results",
        "/admin/moderacja/dziennik/results/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    admin_row(
        "forum_moderation:topic",
        "/admin/moderacja/temat/{topic.pk}/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    admin_row(
        "forum_moderation:post",
        "/admin/moderacja/wpis/{post.pk}/",
        staff=ADMIN_HOME,
        moderator=200,
    ),
    # Posted without a reason, the actions change nothing and go back to the queue.
    admin_row(
        "forum_moderation:post_action",
        "/admin/moderacja/wpis/{post.pk}/hide/",
        method="post",
        staff=ADMIN_HOME,
        moderator=to("/admin/moderacja/"),
    ),
    admin_row(
        "forum_moderation:topic_action",
        "/admin/moderacja/temat/{topic.pk}/lock/",
        method="post",
        staff=ADMIN_HOME,
        moderator=to("/admin/moderacja/"),
    ),
    admin_row(
        "forum_moderation:user_action",
        "/admin/moderacja/autor/{post.pk}/mute/",
        method="post",
        staff=ADMIN_HOME,
        moderator=to("/admin/moderacja/"),
    ),
    admin_row(
        "data_requests:list", "/admin/wnioski-rodo/", staff=ADMIN_HOME, officer=200
    ),
    admin_row(
        "data_requests:index", "/admin/wnioski-rodo/", staff=ADMIN_HOME, officer=200
    ),
    admin_row(
        "data_requests:index_results",
        "/admin/wnioski-rodo/results/",
        staff=ADMIN_HOME,
        officer=200,
    ),
    admin_row(
        "data_requests:detail",
        "/admin/wnioski-rodo/{data_request.pk}/",
        staff=ADMIN_HOME,
        officer=200,
    ),
    admin_row(
        "data_requests:action",
        "/admin/wnioski-rodo/{data_request.pk}/extend/",
        method="post",
        data={"months": "1", "reason": "Sprawa wymaga analizy wielu rejestrów."},
        staff=ADMIN_HOME,
        officer=to("/admin/wnioski-rodo/{data_request.pk}/"),
    ),
    admin_row("audit_log", "/admin/dziennik-audytu/", staff=ADMIN_HOME, officer=200),
    admin_row(
        "audit_log:index", "/admin/dziennik-audytu/", staff=ADMIN_HOME, officer=200
    ),
    admin_row(
        "audit_log:index_results",
        "/admin/dziennik-audytu/results/",
        staff=ADMIN_HOME,
        officer=200,
    ),
    admin_row(
        "programme_statistics:index",
        "/admin/programme_statistics/",
        staff=ADMIN_HOME,
        coordinator=200,
    ),
    *viewset_rows(
        "pup_offices",
        "{office.pk}",
        every_screen={"staff": ADMIN_HOME, "coordinator": 200},
        delete={"staff": ADMIN_HOME},
        inspect=True,
    ),
    *viewset_rows(
        "cookie_declaration",
        "{cookie_declaration.pk}",
        every_screen={"staff": ADMIN_HOME, "officer": 200},
    ),
    # Accommodations are granted by administrators only, in no staff role.
    *viewset_rows(
        "accommodations", "{accommodation.pk}", every_screen={"staff": ADMIN_HOME}
    ),
]

# Wagtail's own screens that matter most.
ADMIN_WAGTAIL = [
    admin_row("wagtailadmin_home", "/admin/", staff=200),
    admin_row("wagtailadmin_account", "/admin/account/", staff=200),
    admin_row(
        "wagtailadmin_explore_root", "/admin/pages/", staff=ADMIN_HOME, editor=200
    ),
    admin_row(
        "wagtailadmin_explore", "/admin/pages/{home.pk}/", staff=ADMIN_HOME, editor=200
    ),
    admin_row(
        "wagtailadmin_pages:edit",
        "/admin/pages/{course.pk}/edit/",
        staff=ADMIN_HOME,
        editor=200,
    ),
    admin_row("wagtailusers_users:index", "/admin/users/", staff=ADMIN_HOME),
    admin_row(
        "wagtailusers_users:edit", "/admin/users/edit/{owner.pk}/", staff=ADMIN_HOME
    ),
    admin_row("wagtailusers_groups:index", "/admin/groups/", staff=ADMIN_HOME),
    admin_row("wagtailsnippets:index", "/admin/snippets/", staff=ADMIN_HOME),
    admin_row(
        "wagtailsettings:edit",
        "/admin/settings/privacy/legalsettings/",
        staff=ADMIN_HOME,
        editor=to("/admin/settings/privacy/legalsettings/{site.pk}/"),
    ),
    admin_row(
        "wagtailsettings:edit",
        "/admin/settings/privacy/legalsettings/{site.pk}/",
        staff=ADMIN_HOME,
        editor=200,
    ),
    admin_row(
        "wagtailsettings:edit",
        "/admin/settings/pages/navigationsettings/{site.pk}/",
        staff=ADMIN_HOME,
        editor=200,
    ),
    admin_row(
        "wagtailsettings:edit",
        "/admin/settings/privacy/retentionsettings/{site.pk}/",
        staff=ADMIN_HOME,
        officer=200,
    ),
    admin_row("wagtailimages:index", "/admin/images/", staff=ADMIN_HOME, editor=200),
    admin_row("wagtaildocs:index", "/admin/documents/", staff=ADMIN_HOME, editor=200),
    # Editors lock pages but do not unlock others': the report is not theirs.
    admin_row(
        "wagtailadmin_reports:locked_pages", "/admin/reports/locked/", staff=ADMIN_HOME
    ),
    admin_row(
        "wagtailadmin_reports:aging_pages",
        "/admin/reports/aging-pages/",
        staff=ADMIN_HOME,
        editor=200,
    ),
    # Open to every role, each seeing only its own objects (tested below).
    admin_row(
        "wagtailadmin_reports:site_history", "/admin/reports/site-history/", staff=200
    ),
    admin_row("wagtailsites:index", "/admin/sites/", staff=ADMIN_HOME),
    admin_row(
        "wagtailadmin_workflows:index", "/admin/workflows/list/", staff=ADMIN_HOME
    ),
]

# The counselling centre's addresses (tests/security/counselling_matrix.py).
_CPZ_PUBLIC, _CPZ_PAGES, _CPZ_ADMIN = counselling_matrix.rows(
    row, admin_row, viewset_rows
)
PUBLIC += _CPZ_PUBLIC
PAGES += _CPZ_PAGES
ADMIN_OWN += _CPZ_ADMIN
ADMIN_WAGTAIL.append(
    admin_row(
        "wagtailsettings:edit",
        "/admin/settings/counselling/counsellingsettings/{site.pk}/",
        staff=ADMIN_HOME,
        manager=200,
    )
)


# Nothing unclassified -----------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    namespace: str
    module: str

    @property
    def key(self):
        return self.name or self.pattern


def all_routes(patterns=None, prefix="", namespaces=()):
    """Every URL pattern, with its full route, full name and view module."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from all_routes(
                entry.url_patterns, prefix + str(entry.pattern), inner
            )
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "view_class", entry.callback)
            yield Route(
                pattern=prefix + str(entry.pattern),
                name=":".join((*namespaces, entry.name)) if entry.name else None,
                namespace=namespaces[0] if namespaces else "",
                module=view.__module__,
            )


def is_own_admin(route):
    """Our view, or a screen of a viewset of ours (whose views are Wagtail's)."""
    import wagtail.admin.urls  # noqa: F401 - registers the admin viewsets

    own_viewsets = {
        viewset.url_namespace
        for viewset in admin_viewsets.viewsets
        if type(viewset).__module__.startswith(OWN_PACKAGES)
    }
    return route.pattern.startswith("admin/") and (
        route.module.startswith(OWN_PACKAGES) or route.namespace in own_viewsets
    )


def page_routes():
    """Each page type of the project, and each reachable route of a routable one.

    A route shadowed by an earlier one (Wagtail's default `index_route` under a
    page's own "" route) is never served, so it needs no row.
    """
    for model in get_page_models():
        if model._meta.app_label not in OWN_APP_LABELS:
            continue
        if not issubclass(model, RoutablePageMixin):
            yield f"page:{model.__name__}"
            continue
        earlier = []
        for route in model.get_subpage_urls():
            path = literal_path(route)
            if path is None or not any(e.resolve(path) for e in earlier):
                yield f"page:{model.__name__}.{route.name}"
            earlier.append(route)


def literal_path(route):
    """The one path a route without parameters matches, or None."""
    text = str(route.pattern)
    if "<" in text or "(" in text:
        return None
    return text.removeprefix("^").removesuffix("$")


def assert_classified(found, classified, table):
    missing, stale = sorted(found - classified), sorted(classified - found)
    assert not missing, f"add to {table}, with what each visitor gets: {missing}"
    assert not stale, f"{table} lists what no longer exists: {stale}"


def test_every_url_pattern_outside_the_admin_is_in_the_table():
    found = {r.key for r in all_routes() if not r.pattern.startswith("admin/")}

    # Wagtail's catch-all serves the pages: PAGES classifies what it serves.
    assert_classified(found, {r.key for r in PUBLIC} | {"wagtail_serve"}, "PUBLIC")


def test_every_page_type_and_page_route_is_in_the_table():
    assert_classified(set(page_routes()), {r.key for r in PAGES}, "PAGES")


def test_every_admin_screen_of_the_project_is_in_the_table():
    found = {r.key for r in all_routes() if is_own_admin(r)}

    assert_classified(found, {r.key for r in ADMIN_OWN}, "ADMIN_OWN")


def test_the_wagtail_screens_in_the_table_exist():
    stale = sorted({r.key for r in ADMIN_WAGTAIL} - {r.key for r in all_routes()})

    assert not stale, f"ADMIN_WAGTAIL lists what no longer exists: {stale}"


# The objects --------------------------------------------------------------------------


@dataclass
class World:
    objects: dict
    sessions: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture(autouse=True)
def _isolated_storage():
    """Keep the module's media folders (see `world`); empty the cache (rate limits)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("permission-matrix")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media / "media", PRIVATE_MEDIA_ROOT=media / "private-media"
        ),
        transaction.atomic(),
    ):
        yield world_build()
        transaction.set_rollback(True)


def world_build():
    from wagtail.documents.models import Document
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Site,
    )

    from courses import services as course_services
    from courses.models import LearnerAccommodation
    from forum import services as forum_services
    from portal.pages.demo import demo_content_load
    from portal.pages.models import NewsIndexPage, NewsPage, StandardPage
    from privacy import tasks as privacy_tasks
    from privacy.models import CookieDeclaration
    from privacy.services import requests as privacy_services
    from privacy.views import CONFIRM_SALT
    from tests.factories.courses import make_course, pass_course
    from tests.security.counselling_matrix import counselling_world

    home = demo_content_load()["home"]
    course = make_course(slug="kurs-testowy")
    owner = UserFactory(
        email="aleksandra.wlascicielka@example.org",
        first_name="Aleksandra",
        last_name="Kowalczyk",
    )
    other = UserFactory(
        email="bartosz.inny@example.org", first_name="Bartosz", last_name="Zieliński"
    )

    # A passed the test and holds the certificate; B is enrolled, nothing more.
    enrollment = pass_course(owner, course)
    certificate = enrollment.certificate
    certificate.pdf.save("certyfikat.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    certificate.status = certificate.Status.READY
    certificate.save()
    course_services.enrollment_create(user=other, course=course)
    lesson = course.lessons().first().specific

    # A started a topic, and follows it; B replied. B reported A's second post, and a
    # moderator once muted A: the moderators' queue and log are about A.
    topic = forum_services.topic_create(
        forum=course.forum, author=owner, title="Pytanie o lekcję 2", body="Treść A."
    )
    forum_services.post_create(topic=topic, author=other, body="Odpowiedź B.")
    subscription = owner.forum_subscriptions.get(topic=topic)
    reported = forum_services.post_create(topic=topic, author=owner, body="Reklama.")
    forum_services.post_report(post=reported, reporter=other, reason="spam")
    staff = {visitor: StaffFactory(role=role) for visitor, role in ROLES.items()}
    forum_services.user_mute(user=owner, by=staff["moderator"], days=1, reason="Spam")
    forum_services.user_unmute(user=owner, by=staff["moderator"], reason="Pomyłka")

    # A's open request and ready copy of data; an outsider's unconfirmed request.
    data_request = privacy_services.data_request_create(
        user=owner, kind="rectification", details="Proszę poprawić nazwisko."
    )
    export = privacy_services.data_export_create(user=owner)
    privacy_tasks.data_export_build_task(export.pk)
    outsider = privacy_services.data_request_create(
        kind="information",
        name="Jan Zewnętrzny",
        email="jan@example.net",
        confirmed=False,
    )

    # A page and a collection behind a password, a draft page and a draft announcement.
    restricted_page = home.add_child(
        instance=StandardPage(title="Dla partnerów", slug="dla-partnerow", body=[])
    )
    home.add_child(
        instance=StandardPage(
            title="W przygotowaniu", slug="w-przygotowaniu", body=[], live=False
        )
    )
    NewsIndexPage.objects.get().add_child(
        instance=NewsPage(
            title="Zapowiedź", slug="zapowiedz", lead="Wkrótce.", body=[], live=False
        )
    )
    collections = Collection.get_first_root_node()

    world = World(
        objects={
            "owner": owner,
            "other": other,
            "home": home,
            "site": Site.objects.get(is_default_site=True),
            "course": course,
            "check_block_id": next(
                block.id for block in lesson.body if block.block_type == "check"
            ),
            "certificate": certificate,
            "accommodation": LearnerAccommodation.objects.create(
                user=owner, extra_time_percent=50, reason="Wniosek 1/2025"
            ),
            "forum": course.forum,
            "topic": topic,
            "post": topic.posts.filter(author=owner).order_by("pk").first(),
            "unsubscribe_token": signing.dumps(
                subscription.pk, salt="forum-unsubscribe"
            ),
            "data_request": data_request,
            "export": export,
            "confirm_token": signing.dumps(outsider.pk, salt=CONFIRM_SALT),
            "office": owner.pup_office,
            "cookie_declaration": CookieDeclaration.objects.create(
                name="kdp_test",
                provider="Portal",
                purpose="Test",
                duration="1 dzień",
                category="necessary",
            ),
            "restricted_page": restricted_page,
            "page_restriction": PageViewRestriction.objects.create(
                page=restricted_page, restriction_type="password", password="tajne"
            ),
            "document": Document.objects.create(
                title="Harmonogram",
                file=ContentFile(b"Harmonogram programu", name="harmonogram.txt"),
                collection=collections.add_child(name="Publiczne"),
            ),
            "collection_restriction": CollectionViewRestriction.objects.create(
                collection=collections.add_child(name="Zastrzeżone"),
                restriction_type="password",
                password="tajne",
            ),
        }
    )
    world.objects.update(counselling_world(owner=owner, staff=staff))
    for visitor in LEARNERS:
        client = Client()
        client.force_login(world.objects[visitor])
        world.sessions[visitor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    for visitor, user in staff.items():
        client = Client()
        login_with_second_factor(client, user)
        world.sessions[visitor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return world


# The matrix ---------------------------------------------------------------------------


def resolve(value, world):
    return value.format_map(world.objects) if isinstance(value, str) else value


def client_for(world, visitor, **kwargs):
    client = Client(**kwargs)
    if visitor in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[visitor]
    return client


def visit(world, visitor, row):
    client = client_for(world, visitor)
    return getattr(client, row.method)(resolve(row.url, world), row.data)


def traces_of_the_owner(world, response):
    if getattr(response, "streaming", False):
        return []
    content = response.content.decode(errors="replace")
    owner = world.owner
    return [
        trace
        for trace in (owner.email, owner.get_full_name(), owner.last_name)
        if trace in content
    ]


def check(world, row):
    wrong, leaks = [], {}
    for visitor in VISITORS:
        response = visit(world, visitor, row)
        got, expected = outcome(response), resolve(row.expected[visitor], world)
        if got != expected:
            wrong.append(f"{visitor}: expected {expected!r}, got {got!r}")
        if visitor not in SEES_THE_OWNER + row.shown_to and not row.names_the_owner:
            if traces := traces_of_the_owner(world, response):
                leaks[visitor] = traces
    assert not wrong, f"{row.id}\n" + "\n".join(wrong)
    assert not leaks, f"{row.id} shows A's name or e-mail address to {leaks}"


@pytest.mark.parametrize("row", PUBLIC, ids=lambda r: r.id)
def test_public_address(world, db, row):
    check(world, row)


@pytest.mark.parametrize("row", PAGES, ids=lambda r: r.id)
def test_page(world, db, row):
    check(world, row)


@pytest.mark.parametrize("row", ADMIN_OWN + ADMIN_WAGTAIL, ids=lambda r: r.id)
def test_admin_screen(world, db, row):
    check(world, row)


def test_the_leak_check_finds_a_where_a_is_shown(world, db):
    """Guard the guard: the check above would notice A's name or address."""
    for visitor, path in (
        ("owner", "/konto/moje-dane/"),
        ("officer", "/admin/wnioski-rodo/{data_request.pk}/"),
        ("other", "/weryfikacja-certyfikatu/{certificate.verification_code}/"),
    ):
        response = visit(world, visitor, Row("", path, {}))
        assert traces_of_the_owner(world, response), (visitor, path)


def test_moderators_know_the_owner_by_the_forum_name_only(world, db):
    from forum.services import display_name_for

    for path in ("/admin/moderacja/", "/admin/moderacja/dziennik/"):
        response = visit(world, "moderator", Row("", path, {}))
        assert display_name_for(world.owner) in response.content.decode(), path
        assert not traces_of_the_owner(world, response), path


def test_another_learner_switching_notifications_leaves_the_owners_alone(world, db):
    owner_subscriptions = list(world.owner.forum_subscriptions.values_list("pk"))
    client = client_for(world, "other")

    client.post(f"/forum/powiadomienia/topic/{world.topic.pk}/")
    client.post(f"/forum/powiadomienia/forum/{world.forum.pk}/")

    assert list(world.owner.forum_subscriptions.values_list("pk")) == (
        owner_subscriptions
    )


def test_staff_refused_a_screen_are_told_so_on_the_admin_home(world, db):
    client = client_for(world, "moderator")

    response = client.get("/admin/wnioski-rodo/", follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    with translation.override("pl"):
        refusal = translation.gettext(
            "Sorry, you do not have permission to access this area."
        )
    assert refusal in [str(m).strip() for m in response.context["messages"]]


def test_the_site_history_shows_each_role_only_its_own_objects(world, db):
    from wagtail.log_actions import log

    from portal.accounts.models import PupOffice

    office = PupOffice.objects.create(
        code="pup-macierz", name="Urząd Macierzowy", town="Tarnów", area="powiat"
    )
    for instance in (office, world.cookie_declaration, world.course):
        log(instance=instance, action="wagtail.edit")
    labels = {
        "coordinator": office.name,
        "officer": world.cookie_declaration.name,
        "editor": world.course.title,
    }

    for visitor in ROLES:
        response = client_for(world, visitor).get("/admin/reports/site-history/")
        content = response.content.decode()
        shown = {role for role, label in labels.items() if label in content}
        assert shown == {visitor} & set(labels), visitor


# Every admin address, for those who have no business there ----------------------------

SAMPLE_VALUES = {"int": "1", "str": "x", "slug": "x", "path": "x"}

# The doors of the admin: how it is entered and left.
ADMIN_DOORS = {
    "admin/login/": LOGIN,
    "wagtailadmin_login": LOGIN,
    "wagtailadmin_logout": LOGIN,
    "wagtailadmin_javascript_catalog": 200,
    "wagtailadmin_sprite": 200,
    # Wagtail's "not found" in the admin sends strangers to its (our) sign-in.
    "admin/^.*/$": to("/admin/login/"),
    # WAGTAIL_PASSWORD_RESET_ENABLED is off: passwords are reset through allauth.
    "wagtailadmin_password_reset": 404,
    "wagtailadmin_password_reset_done": 404,
    "wagtailadmin_password_reset_confirm": 404,
    "wagtailadmin_password_reset_complete": 404,
}


def sample_path(route):
    """A path the route matches, with made-up values for its parameters."""
    text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route.pattern)
    text = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES[m[1] or "str"], text)
    text = text.replace(".*", "x").replace("\\.", ".")
    path = "/" + text.replace("^", "").replace("$", "")
    assert bare(resolve_path(path).route) == bare(route.pattern), (path, route)
    return path


def bare(pattern):
    return pattern.replace("^", "").replace("$", "")


def admin_sample_paths():
    for route in all_routes():
        if route.pattern.startswith("admin/"):
            yield route, sample_path(route)


def test_every_admin_address_sends_anonymous_visitors_to_sign_in(world, db):
    wrong = []
    for route, path in admin_sample_paths():
        expected = ADMIN_DOORS.get(route.key, LOGIN)
        got = outcome(Client().get(path))
        if got != expected:
            wrong.append(f"{path}: expected {expected!r}, got {got!r}")
    assert not wrong, "\n".join(wrong)


def test_every_admin_address_is_closed_to_learners(world, db):
    """The gate refuses learners before the address is even resolved.

    The tables show the whole answer (403) on each admin screen they list; here the
    gate itself is asked about every admin address, which costs far less than
    rendering the refusal page some 250 times.
    """
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse
    from django.test import RequestFactory

    from portal.accounts.middleware import StaffAdminAccessMiddleware

    gate = StaffAdminAccessMiddleware(lambda request: HttpResponse("let in"))
    let_in = []
    for _route, path in admin_sample_paths():
        request = RequestFactory().get(path)
        request.user = world.other
        try:
            gate(request)
        except PermissionDenied:
            continue
        let_in.append(path)
    assert not let_in


# CSRF ---------------------------------------------------------------------------------


@dataclass
class Form:
    """A state-changing form: where it is shown, where it posts, what it changes."""

    name: str
    visitor: str
    page: str
    data: dict
    state: Callable
    action: str = ""


def signed_in(world, client):
    return client.session.get("_auth_user_id")


def cookie(name):
    def state(world, client):
        morsel = client.cookies.get(name)
        return morsel.value if morsel else None

    return state


def count(model, **filters):
    def state(world, client):
        from django.apps import apps

        values = {k: resolve(v, world) for k, v in filters.items()}
        return apps.get_model(model).objects.filter(**values).count()

    return state


def field_of(name, attribute):
    def state(world, client):
        obj = getattr(world, name)
        obj.refresh_from_db()
        return getattr(obj, attribute)

    return state


FORMS = [
    Form(
        "sign-in",
        "anonymous",
        "/konto/login/",
        {"login": "{owner.email}", "password": PASSWORD},
        signed_in,
    ),
    Form(
        "sign-up",
        "anonymous",
        "/konto/signup/",
        {"email": "nowa@example.org", "password1": PASSWORD, "password2": PASSWORD},
        count("accounts.User", email="nowa@example.org"),
    ),
    Form("sign-out", "owner", "/konto/logout/", {}, signed_in),
    Form(
        "contact form",
        "anonymous",
        "/kontakt/",
        {"name": "Jan", "email": "jan@example.net", "message": "Dzień dobry."},
        count("pages.ContactMessage"),
    ),
    Form(
        "cookie settings",
        "anonymous",
        "/ustawienia-cookies/",
        {"analytics": "on"},
        count("privacy.ConsentRecord"),
    ),
    Form(
        "data request without an account",
        "anonymous",
        "/wniosek-rodo/",
        {"name": "Jan", "email": "jan.nowy@example.net", "kind": "information"},
        count("privacy.DataRequest"),
    ),
    Form(
        "data request",
        "owner",
        "/konto/wnioski-rodo/",
        {"kind": "erasure"},
        count("privacy.DataRequest", requester_email="{owner.email}"),
    ),
    Form(
        "my data",
        "owner",
        "/konto/moje-dane/",
        {"first_name": "Zmieniona", "last_name": "Kowalczyk"},
        field_of("owner", "first_name"),
    ),
    Form(
        "forum reply",
        "owner",
        "/forum/temat/{topic.pk}/",
        {"body": "Jeszcze jedno pytanie.", "confirm_personal_data": "on"},
        count("forum.Post"),
    ),
    Form(
        "new forum topic",
        "owner",
        "/forum/{forum.pk}/nowy-temat/",
        {"title": "Nowy temat", "body": "Treść.", "confirm_personal_data": "on"},
        count("forum.Post"),
    ),
    Form(
        "moderation",
        "moderator",
        "/admin/moderacja/wpis/{post.pk}/",
        {"reason": "Naruszenie regulaminu."},
        field_of("post", "is_hidden"),
        action="/admin/moderacja/wpis/{post.pk}/hide/",
    ),
    Form(
        "handling a data request",
        "officer",
        "/admin/wnioski-rodo/{data_request.pk}/",
        {"reason": "Sprawa wymaga analizy.", "months": "2"},
        field_of("data_request", "status"),
        action="/admin/wnioski-rodo/{data_request.pk}/extend/",
    ),
]


# Forms on pages kept in the page cache carry no token (portal.core.pagecache):
# where they post, the origin is checked instead.
ORIGIN_CHECKED_FORMS = [
    Form(
        "display settings",
        "anonymous",
        "/",
        {"size": "xlarge"},
        cookie("kdp_display"),
        action="/wyglad/",
    ),
    Form(
        "cookie banner",
        "anonymous",
        "/",
        {"action": "accept_all"},
        count("privacy.ConsentRecord"),
        action="/cookies/decyzja/",
    ),
]


def assert_refused_without_token(world, client, action, data, state):
    before = state(world, client)

    response = client.post(action, data)

    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]
    assert state(world, client) == before


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(
    world, db, form
):
    client = client_for(world, form.visitor, enforce_csrf_checks=True)
    page = resolve(form.page, world)
    action = resolve(form.action, world) or page
    data = {name: resolve(value, world) for name, value in form.data.items()}
    assert client.get(page).status_code == 200
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    assert_refused_without_token(world, client, action, data, form.state)

    # With the token the same post gets through: the 403 was the CSRF check.
    response = client.post(action, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code != 403


@pytest.mark.parametrize("form", ORIGIN_CHECKED_FORMS, ids=lambda f: f.name)
def test_a_token_free_form_posted_from_another_site_is_refused_and_changes_nothing(
    world, db, form
):
    client = client_for(world, form.visitor, enforce_csrf_checks=True)
    page = resolve(form.page, world)
    assert client.get(page).status_code == 200
    before = form.state(world, client)

    response = client.post(form.action, form.data, HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]
    assert form.state(world, client) == before
    # From the portal's own page the same post gets through without a token.
    response = client.post(form.action, form.data, HTTP_ORIGIN="http://testserver")
    assert response.status_code != 403
    assert form.state(world, client) != before


def test_a_course_is_neither_joined_nor_its_test_submitted_without_the_token(world, db):
    from courses import services as course_services
    from courses.models import Attempt
    from tests.factories.courses import finish_lessons

    learner = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.get(COURSE).status_code == 200

    assert_refused_without_token(
        world, client, COURSE + "zapisz/", {}, count("courses.Enrollment", user=learner)
    )

    enrollment = finish_lessons(learner, world.course)
    attempt = course_services.attempt_start(enrollment=enrollment)
    take = f"{COURSE}test/{attempt.number}/"
    assert client.get(take).status_code == 200

    assert_refused_without_token(
        world,
        client,
        take,
        {"submit": "1"},
        lambda world, client: Attempt.objects.get(pk=attempt.pk).submitted_at,
    )
