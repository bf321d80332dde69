"""The second editor's approval: a clear confirmation, and the mail it sends."""

import pytest
from django.contrib import messages as django_messages
from django.contrib.messages.storage.session import SessionStorage
from django.core import mail
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Task, WorkflowTask
from wagtail.rich_text import RichText
from wagtail.signals import workflow_approved

from portal.accounts.roles import EDITOR
from portal.pages.models import HomePage, StandardPage
from portal.pages.wagtail_hooks import confirm_approval
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db
PORTAL = "https://kompetencje.example.pl"
PREFIX = "[Kompetencje dla pracy] "
BODY = "<p>Zapisy trwają.</p>"


@pytest.fixture(autouse=True)
def portal_address(settings):
    settings.PORTAL_BASE_URL = PORTAL
    settings.WAGTAILADMIN_BASE_URL = PORTAL


@pytest.fixture
def author(site_content):
    return StaffFactory(role=EDITOR)


@pytest.fixture
def reviewer(site_content):
    return StaffFactory(role=EDITOR)


@pytest.fixture
def submitted(author, reviewer, django_capture_on_commit_callbacks):
    home = HomePage.objects.get()
    page = home.add_child(
        instance=StandardPage(
            title="Nabór na szkolenia",
            slug="nabor",
            live=False,
            body=[("paragraph", RichText(BODY))],
        )
    )
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, author)
    return page


def approve(page, reviewer, django_capture_on_commit_callbacks):
    """Approve as the editor's "Akceptuj" does, and run its hook on the request."""
    request = RequestFactory().post(
        f"/admin/pages/{page.pk}/edit/",
        {"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    request.user = reviewer
    request.session = {}
    request._messages = SessionStorage(request)
    # What Wagtail's editor says after any workflow action.
    django_messages.success(request, f"Strona '{page.title}' została zaktualizowana.")
    django_messages.info(request, "Inna wiadomość")
    with django_capture_on_commit_callbacks(execute=True):
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
    with translation.override("pl"):
        confirm_approval(request, page)
    return shown_next(request)


def shown_next(request):
    """The messages the next page shows, after this response is sent."""
    request._messages.update(HttpResponse())
    return [str(message.message) for message in SessionStorage(request)]


def test_the_submission_mail_reaches_the_other_editor_with_portal_links(
    submitted, reviewer
):
    (message,) = mail.outbox
    assert message.to == [reviewer.email]

    assert message.subject == f"{PREFIX}Strona do akceptacji: „Nabór na szkolenia”"
    assert f"{PORTAL}/admin/pages/{submitted.pk}/edit/" in message.body
    assert "localhost" not in message.body


def test_approving_says_the_page_is_published_and_mails_the_author(
    submitted, author, reviewer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    shown = approve(submitted, reviewer, django_capture_on_commit_callbacks)

    submitted.refresh_from_db()
    assert submitted.live
    assert shown[0] == "Inna wiadomość"
    assert len(shown) == 2 and "została zaktualizowana" not in shown[1]
    assert (
        "Zaakceptowano stronę „Nabór na szkolenia”. Jest już opublikowana" in shown[1]
    )
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert message.subject == f"{PREFIX}Opublikowano stronę „Nabór na szkolenia”"
    assert f"{PORTAL}/nabor/" in message.body
    assert "localhost" not in message.body and "http://127.0.0.1" not in message.body


def test_with_a_further_step_the_reviewer_is_told_what_comes_next(
    submitted, reviewer, django_capture_on_commit_callbacks
):
    workflow = submitted.get_workflow()
    legal = Task.objects.create(name="Akceptacja prawna")
    WorkflowTask.objects.create(workflow=workflow, task=legal, sort_order=1)

    shown = approve(submitted, reviewer, django_capture_on_commit_callbacks)

    assert "Czeka teraz na kolejny etap: „Akceptacja prawna”" in shown[-1]
    submitted.refresh_from_db()
    assert not submitted.live


def test_each_step_sends_one_message_not_wagtails_as_well(submitted):
    receivers = workflow_approved._live_receivers(
        sender=type(submitted.current_workflow_state)
    )
    names = {type(receiver).__name__ for receiver in receivers[0]}
    assert "WorkflowApprovedMail" in names
    assert "WorkflowStateApprovalEmailNotifier" not in names


def test_saving_without_approving_adds_no_approval_message(submitted, reviewer):
    request = RequestFactory().post("/", {"action-workflow-action": "true"})
    request.user = reviewer
    request.session = {}
    request._messages = SessionStorage(request)

    confirm_approval(request, submitted)

    assert shown_next(request) == []
