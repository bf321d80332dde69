"""Retention: each provider deletes what outlived the periods the IOD set."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.core import outbox
from portal.core.dates import add_months

from ..registry import providers
from ..selectors import retention_periods
from .erasure import person_erase

# Finished background jobs are kept a week, to see what was sent when something
# goes wrong; their arguments may name people, so not longer.
FINISHED_JOBS_KEPT = timedelta(days=7)


def retention_run(*, now=None) -> dict:
    """Expire what every provider says has outlived its period; after the
    programme's archival period, erase every learner."""
    now = now or timezone.now()
    periods = retention_periods()
    done = {}
    for provider in providers():
        if provider.expire is not None:
            done.update(provider.expire(now, periods))
    done["background_jobs"] = outbox.purge_done(before=now - FINISHED_JOBS_KEPT)
    done["programme_archive_erased"] = 0
    if periods.programme_end:
        end = timezone.make_aware(datetime.combine(periods.programme_end, time()))
        if now >= add_months(end, 12 * periods.archival_years):
            learners = get_user_model().objects.filter(
                is_staff=False, is_superuser=False, is_active=True
            )
            for user in learners:
                person_erase(user=user)
                done["programme_archive_erased"] += 1
    return done
