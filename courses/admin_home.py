"""The coordinator's panel on the admin's home page: this week against the last."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.selectors import signup_counts
from portal.core.admin_home import RolePanel, week_start

from . import permissions, selectors
from .tasks import PENDING_AFTER

# The safety net queues a waiting certificate again after PENDING_AFTER; one still
# without its PDF after three times that needs someone to look at the workers.
STUCK_AFTER = 3 * PENDING_AFTER


@dataclass(frozen=True)
class Figure:
    label: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


FIGURES = (
    ("signups", _("New learner accounts")),
    ("verified", _("of which with a confirmed e-mail address")),
    ("enrolments", _("Enrolments in courses")),
    ("passes", _("End tests passed")),
    ("certificates", _("Certificates issued")),
)


def weekly_figures(now=None) -> dict:
    """The current week (from Monday) and the whole previous week, in five
    queries however much data there is."""
    now = now or timezone.now()
    current_start = week_start(now)
    previous_start = current_start - timedelta(days=7)
    periods = {"previous_start": previous_start, "current_start": current_start}
    counts = {
        **signup_counts(**periods),
        **selectors.learning_counts(**periods),
    }
    stuck = selectors.certificate_ids_pending(
        issued_before=now - STUCK_AFTER, claimed_before=now
    )
    return {
        "week_start": current_start,
        "previous_week_start": previous_start,
        "figures": [
            Figure(label, counts[f"{key}_current"], counts[f"{key}_previous"])
            for key, label in FIGURES
        ],
        "stuck_certificates": len(stuck),
        "stuck_minutes": int(STUCK_AFTER.total_seconds() // 60),
    }


class ProgrammePanel(RolePanel):
    name = "programme_week"
    heading = _("The programme this week")
    icon = "table"
    template_name = "wagtailadmin/home/programme_week.html"

    @classmethod
    def is_allowed(cls, user) -> bool:
        return permissions.can_view_statistics(user)

    def get_work(self) -> dict:
        work = weekly_figures()
        statistics = reverse("programme_statistics:index")
        since = timezone.localdate(work["week_start"]).isoformat()
        work["statistics_url"] = statistics
        work["week_statistics_url"] = f"{statistics}?{urlencode({'date_from': since})}"
        return work
