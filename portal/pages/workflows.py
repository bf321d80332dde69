"""What happens when the editorial workflow ends with an approval.

Wagtail imports this module while it defines its models
(`WAGTAIL_FINISH_WORKFLOW_ACTION`): it imports nothing of Wagtail's. The workflow's
mail is in `workflow_mail.py`, the reviewer's confirmation in `wagtail_hooks.py`.
"""


def publish_approved_revision(workflow_state, user=None):
    """Publish the approved revision in the reviewer's name.

    Editors hold no publish permission of their own, so that nothing goes live
    without a second person; the approval in the workflow is that person's consent,
    and the action is logged against the reviewer.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
