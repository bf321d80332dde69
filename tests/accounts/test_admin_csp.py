import base64
import hashlib

import pytest

from portal.accounts.middleware import admin_script_hashes, is_wagtail_widget_init
from portal.accounts.roles import EDITOR
from portal.pages.models import StandardPage
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

PANEL = (
    "\n        (function() {\n"
    "            var panel = new InlinePanel("
    'JSON.parse("{\\u0022prefix\\u0022: 1}"));\n'
    "        })();\n    "
)


@pytest.mark.parametrize(
    "script",
    [
        'new PageChooser("id_terms_page", {"modalUrl": "/admin/choose-page/"});',
        'initDateTimeChooser("id_go_live_at", {"dayOfWeekStart": 1});',
        'new wagtail.widgets.PageChooser("id_x", {});',
        PANEL,
    ],
)
def test_known_widget_start_up_calls_with_data_arguments_are_recognised(script):
    assert is_wagtail_widget_init(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        'new PageChooser("a", {}); alert(document.cookie);',
        "initDateChooser(document.cookie);",
        'eval("alert(1)");',
        'new Function("alert(1)");',
        '(function() { var panel = new InlinePanel(fetch("/x")); })();',
    ],
)
def test_any_other_inline_script_is_not(script):
    assert not is_wagtail_widget_init(script)


def test_only_recognised_scripts_get_a_hash():
    good = 'new PageChooser("id_a", {"modalUrl": "/admin/choose-page/"});'
    html = f"<p><script>{good}</script><script>alert(1)</script></p>"
    digest = base64.b64encode(hashlib.sha256(good.encode()).digest()).decode()

    assert admin_script_hashes(html) == [f"'sha256-{digest}'"]


@pytest.mark.django_db
def test_the_page_editor_allows_its_own_widget_scripts_by_hash_only(
    client, site_content
):
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    terms = StandardPage.objects.get(slug="regulamin")

    response = client.get(f"/admin/pages/{terms.pk}/edit/")

    policy = response.headers["Content-Security-Policy"]
    script_src = next(
        p for p in policy.split(";") if p.strip().startswith("script-src")
    )
    assert "'unsafe-inline'" not in script_src
    assert "'sha256-" in script_src
