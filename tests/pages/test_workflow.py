import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Workflow

from portal.accounts.roles import EDITOR
from portal.pages.models import HomePage, PeerReviewTask, StandardPage
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_content):
    home = HomePage.objects.get()
    page = StandardPage(
        title="Nowy komunikat", slug="nowy-komunikat", body=[], live=False
    )
    home.add_child(instance=page)
    return page


def submit(page, user):
    revision = page.save_revision(user=user)
    workflow = page.get_workflow()
    state = workflow.start(page, user)
    return revision, state


def test_pages_are_published_through_the_two_person_workflow(site_content):
    workflow = HomePage.objects.get().get_workflow()
    assert isinstance(workflow, Workflow)
    assert [type(task.specific) for task in workflow.tasks] == [PeerReviewTask]


def test_an_editor_cannot_publish_directly(draft):
    author = StaffFactory(role=EDITOR)
    assert not draft.permissions_for_user(author).can_publish()
    assert draft.permissions_for_user(author).can_edit()


def test_the_author_cannot_approve_their_own_submission(draft):
    author = StaffFactory(role=EDITOR)
    _revision, state = submit(draft, author)
    task = state.current_task_state.task.specific

    assert task.get_actions(draft, author) == []
    assert not task.get_task_states_user_can_moderate(author).exists()
    with pytest.raises(PermissionDenied):
        task.on_action(state.current_task_state, author, "approve")


def test_a_second_editor_approves_and_the_page_goes_live(draft):
    author, reviewer = StaffFactory(role=EDITOR), StaffFactory(role=EDITOR)
    _revision, state = submit(draft, author)
    task = state.current_task_state.task.specific

    assert "approve" in [name for name, *_ in task.get_actions(draft, reviewer)]
    task.on_action(state.current_task_state, reviewer, "approve")

    draft.refresh_from_db()
    assert draft.live


def test_a_reviewer_who_edited_the_page_cannot_approve_it(draft):
    author, editor, third = (StaffFactory(role=EDITOR) for _ in range(3))
    _revision, state = submit(draft, author)
    draft.title = "Poprawione przez recenzenta"
    draft.save_revision(user=editor)
    task_state = state.current_task_state

    assert task_state.task.specific.get_actions(draft, editor) == []
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, editor, "approve")
    assert "approve" in [
        n for n, *_ in task_state.task.specific.get_actions(draft, third)
    ]
