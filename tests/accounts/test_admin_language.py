"""The admin speaks Polish where Wagtail's own catalogue has gaps.

The project's catalogues fill them: django.po for templates and Python,
djangojs.po for the admin's scripts (Wagtail's script catalogue reads the
project's LOCALE_PATHS too).
"""

import html
import json

import pytest
from wagtail.models import Page

from portal.accounts.roles import EDITOR
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, site_content):
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    return client


def text_of(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_dashboard_counts_images_and_documents_in_polish(editor_client):
    text = text_of(editor_client.get("/admin/"))

    assert "0 obrazów" in text
    assert " Images" not in text
    assert " Documents" not in text
    assert "Show keyboard shortcuts" not in text


def test_the_page_editor_names_checks_and_autosave_in_polish(editor_client):
    page = Page.objects.filter(depth__gt=2).live().first()

    text = text_of(editor_client.get(f"/admin/pages/{page.pk}/edit/"))

    assert "Pokaż lub ukryj sprawdzanie" in text
    assert "Autozapis jest wstrzymany" in text
    assert "Toggle checks" not in text
    assert "Autosave is paused" not in text


def test_the_admin_scripts_read_the_projects_polish(editor_client):
    script = text_of(editor_client.get("/admin/jsi18n/"))

    for polish in ["Trwa autozapis…", "Zmiany zostały zapisane automatycznie."]:
        assert json.dumps(polish) in script
