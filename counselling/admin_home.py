"""The counselling roles' panels on the admin's home page.

A counsellor sees today's and tomorrow's sessions and what attendance is left to
mark; the Kierownik CPZ sees change requests waiting, workshops short of their
minimum within a week, reserve lists to phone, and complaints due soon.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.admin_home import RolePanel

from . import permissions, rules
from .complaint_selectors import complaints_due_soon
from .models import Booking, ChangeRequest, Signup, Workshop

SHOWN = 10
SHORT_WITHIN_DAYS = 7
UNMARKED_DAYS = 30


class CounsellorPanel(RolePanel):
    name = "counselling_counsellor"
    heading = _("My sessions")
    icon = "group"
    template_name = "counselling/admin/home_counsellor.html"

    @classmethod
    def is_allowed(cls, user) -> bool:
        return permissions.is_counsellor(user)

    def get_work(self) -> dict:
        counsellor = permissions.counsellor_of(self.request.user)
        now = timezone.now()
        today = rules.local_date(now)
        booked = Booking.objects.filter(
            slot__counsellor=counsellor, status=Booking.Status.BOOKED
        ).select_related("client__user", "slot__location")
        soon = booked.filter(
            slot__starts_at__gte=rules.end_of_day(today - timedelta(days=1)),
            slot__starts_at__lt=rules.end_of_day(today + timedelta(days=1)),
        ).order_by("slot__starts_at")
        since = now - timedelta(days=UNMARKED_DAYS)
        unmarked_sessions = booked.filter(
            slot__starts_at__lte=now, slot__starts_at__gte=since, attendance=""
        ).count()
        unmarked_participants = Signup.objects.filter(
            workshop__leader=counsellor,
            workshop__starts_at__lte=now,
            workshop__starts_at__gte=since,
            status=Signup.Status.PARTICIPANT,
            attendance="",
        ).count()
        return {
            "soon": list(soon[:SHOWN]),
            "today": today,
            "unmarked": unmarked_sessions + unmarked_participants,
        }


class CentrePanel(RolePanel):
    name = "counselling_centre"
    heading = _("Counselling centre")
    icon = "group"
    template_name = "counselling/admin/home_centre.html"

    @classmethod
    def is_allowed(cls, user) -> bool:
        return permissions.is_centre_manager(user)

    def get_work(self) -> dict:
        now = timezone.now()
        upcoming = Workshop.objects.filter(
            status=Workshop.Status.SCHEDULED, starts_at__gt=now
        ).select_related("service", "location")
        short = (
            upcoming.filter(starts_at__lte=now + timedelta(days=SHORT_WITHIN_DAYS))
            .annotate(
                taken=Count("signups", filter=Q(signups__status__in=Signup.HOLDS_PLACE))
            )
            .order_by("starts_at")
        )
        to_phone = (
            upcoming.filter(phone_list_sent_at__isnull=False)
            .annotate(
                reserve_count=Count(
                    "signups", filter=Q(signups__status=Signup.Status.RESERVE)
                )
            )
            .filter(reserve_count__gt=0)
            .order_by("starts_at")
        )
        return {
            "changes": ChangeRequest.objects.filter(
                status=ChangeRequest.Status.PENDING
            ).count(),
            "short": [w for w in short if w.taken < w.min_participants][:SHOWN],
            "to_phone": list(to_phone[:SHOWN]),
            "complaints": complaints_due_soon(now)[:SHOWN],
        }
