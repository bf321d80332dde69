from datetime import date, timedelta

import pytest
from django.utils import timezone

from portal.accounts.models import User
from portal.pages.models import ContactMessage
from privacy.models import ConsentRecord, RetentionSettings
from privacy.services import retention as services
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_what_outlived_its_period_is_deleted_and_the_rest_stays(site_content, learner):
    stale = UserFactory(verified=False)
    fresh = UserFactory(verified=False)
    User.objects.filter(pk=stale.pk).update(
        date_joined=timezone.now() - timedelta(days=31)
    )
    old_consent = ConsentRecord.objects.create(
        categories=["necessary"], policy_version="1"
    )
    ConsentRecord.objects.filter(pk=old_consent.pk).update(
        created_at=timezone.now() - timedelta(days=800)
    )
    ConsentRecord.objects.create(categories=["necessary"], policy_version="1")
    old_message = ContactMessage.objects.create(
        name="A", email="a@example.org", message="x"
    )
    ContactMessage.objects.filter(pk=old_message.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )

    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="ktos@example.org",
        ip_address="127.0.0.1",
        failures_since_start=1,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/konto/login/",
        user_agent="",
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - timedelta(days=2)
    )

    done = services.retention_run()

    assert done["failed_logins"] == 1

    assert done["unverified_accounts"] == 1
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[fresh.pk, learner.pk]).count() == 2
    assert ConsentRecord.objects.count() == 1
    assert not ContactMessage.objects.filter(pk=old_message.pk).exists()


def test_after_the_archival_period_the_learners_data_is_erased(site_content, learner):
    from wagtail.models import Site

    staff = StaffFactory(role="Redaktor")
    periods = RetentionSettings.for_site(Site.objects.get(is_default_site=True))
    periods.programme_end = date(2027, 6, 30)
    periods.archival_years = 5
    periods.save()

    before = services.retention_run(now=timezone.now())
    after = services.retention_run(now=timezone.now() + timedelta(days=366 * 6))

    assert before["programme_archive_erased"] == 0
    assert after["programme_archive_erased"] == 1
    learner.refresh_from_db()
    staff.refresh_from_db()
    assert not learner.is_active and learner.last_name == "usunięty"
    assert staff.is_active
