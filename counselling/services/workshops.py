"""Workshop sign-ups: places in the order requests came in, then the reserve list.

A freed place is offered by e-mail to the first person on the reserve list, with
a deadline to confirm; on expiry it passes to the next. When the workshop is too
close for that, offers stop and the manager gets the list to phone people.
Nobody is promoted after the start. The workshop's row is locked first in every
change of its sign-ups, so places are counted one change at a time.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Site

from .. import notifications, rules
from ..models import Channel, CounsellingSettings, Event, Signup, Workshop
from ..models.places import DEFAULT_OFFER_HOURS
from .bookings import entered_by, too_late_error
from .errors import BookingError
from .events import event_log

Status = Signup.Status


def offer_hours() -> int:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_OFFER_HOURS
    return CounsellingSettings.for_site(site).offer_hours


def _locked(workshop) -> Workshop:
    return (
        Workshop.objects.select_for_update(of=("self",))
        .select_related("leader__user", "service")
        .get(pk=workshop.pk)
    )


def _signup_locked(signup) -> Signup:
    return Signup.objects.select_for_update().get(pk=signup.pk)


def workshop_counts(workshop) -> dict:
    counts = Signup.objects.filter(workshop=workshop).aggregate(
        participants=Count("pk", filter=Q(status=Status.PARTICIPANT)),
        offered=Count("pk", filter=Q(status=Status.OFFERED)),
        reserve=Count("pk", filter=Q(status=Status.RESERVE)),
    )
    held = counts["participants"] + counts["offered"]
    return {**counts, "free": max(workshop.capacity - held, 0)}


def _reserve(workshop):
    return Signup.objects.filter(workshop=workshop, status=Status.RESERVE).order_by(
        "requested_at", "pk"
    )


def reserve_position(signup) -> int | None:
    """1 for the first on the reserve list; None when not on it."""
    if signup.status != Status.RESERVE:
        return None
    ahead = _reserve(signup.workshop_id).filter(
        Q(requested_at__lt=signup.requested_at)
        | Q(requested_at=signup.requested_at, pk__lt=signup.pk)
    )
    return ahead.count() + 1


def signup_create(
    *,
    workshop,
    client,
    actor=None,
    channel=Channel.ONLINE,
    requested_at=None,
    interpreter="",
    other_needs="",
    now=None,
) -> Signup:
    """A place while one is free and nobody earlier waits; else the reserve list.

    Staff enter requests that came by phone, e-mail or in person with the time
    they came in, which keeps their place in the queue.
    """
    now = now or timezone.now()
    requested_at = requested_at or now
    try:
        with transaction.atomic():
            workshop = _locked(workshop)
            if workshop.is_cancelled:
                raise BookingError(_("This workshop has been cancelled."))
            if workshop.starts_at <= now:
                raise BookingError(_("This workshop has already started."))
            if Signup.objects.filter(
                workshop=workshop, client=client, status__in=Signup.LIVE
            ).exists():
                raise BookingError(_("You are already signed up for this workshop."))
            start = workshop.starts_at
            if interpreter and not rules.interpreter_in_time(start, now):
                raise BookingError(
                    _(
                        "A sign-language interpreter must be requested at least 3 "
                        "working days before the workshop; the last day was %(day)s."
                    )
                    % {"day": date_format(rules.interpreter_latest_request_day(start))}
                )
            earlier_waiting = _reserve(workshop).filter(requested_at__lte=requested_at)
            free = workshop_counts(workshop)["free"]
            status = (
                Status.PARTICIPANT
                if free > 0 and not earlier_waiting.exists()
                else Status.RESERVE
            )
            with transaction.atomic():
                signup = Signup.objects.create(
                    workshop=workshop,
                    client=client,
                    status=status,
                    requested_at=requested_at,
                    channel=channel,
                    entered_by=entered_by(actor, client),
                    interpreter=interpreter,
                    other_needs=other_needs,
                )
            participant = status == Status.PARTICIPANT
            event_log(
                Event.Action.SIGNED_UP if participant else Event.Action.RESERVE,
                actor=actor,
                signup=signup,
                channel=channel,
                requested_at=requested_at,
                position=None if participant else reserve_position(signup),
            )
            notifications.signup_notify(
                signup, "participant" if participant else "reserve"
            )
    except IntegrityError as error:
        raise BookingError(_("You are already signed up for this workshop.")) from error
    return signup


def place_freed(workshop, *, now, actor=None):
    """Offer free places to the reserve list in order, or send the manager the list."""
    workshop = _locked(workshop)
    if workshop.is_cancelled or workshop.starts_at <= now:
        return
    free = workshop_counts(workshop)["free"]
    waiting = list(_reserve(workshop).select_related("client__user"))
    if not free or not waiting:
        return
    hours = offer_hours()
    if not rules.offers_open(workshop.starts_at, now, hours):
        # Each freed place sends the manager the list as it now stands.
        workshop.phone_list_sent_at = now
        workshop.save(update_fields=["phone_list_sent_at"])
        event_log(
            Event.Action.PHONE_LIST,
            actor=actor,
            workshop=workshop,
            signups=[signup.pk for signup in waiting],
            free=free,
        )
        notifications.phone_list_notify(workshop, waiting)
        return
    expires = min(
        rules.offer_expiry(now, hours), workshop.starts_at - timedelta(days=1)
    )
    for signup in waiting[:free]:
        signup.status = Status.OFFERED
        signup.offer_expires_at = expires
        signup.save(update_fields=["status", "offer_expires_at", "updated_at"])
        event_log(Event.Action.OFFERED, actor=actor, signup=signup, expires_at=expires)
        notifications.signup_notify(signup, "offered")


def _leave(signup, action, actor, now, event="left"):
    previous = signup.status
    held = previous in Signup.HOLDS_PLACE
    signup.status = Status.LEFT
    signup.left_at = now
    signup.sequence += 1
    signup.save(update_fields=["status", "left_at", "sequence", "updated_at"])
    event_log(action, actor=actor, signup=signup, held_place=held)
    notifications.signup_notify(signup, event, had_place=held, previous_status=previous)
    if held:
        place_freed(signup.workshop, now=now, actor=actor)


def signup_leave(*, signup, actor=None, now=None) -> Signup:
    """Withdraw a place or leave the reserve list, until the day before."""
    now = now or timezone.now()
    with transaction.atomic():
        workshop = _locked(signup.workshop)
        signup = _signup_locked(signup)
        if not signup.is_live:
            raise BookingError(_("You are no longer signed up for this workshop."))
        if not rules.can_change(workshop.starts_at, now):
            raise too_late_error(workshop.leader, workshop.starts_at)
        _leave(signup, Event.Action.LEFT, actor, now)
    return signup


def _offered_locked(signup):
    workshop = _locked(signup.workshop)
    signup = _signup_locked(signup)
    if signup.status != Status.OFFERED:
        raise BookingError(_("There is no offer waiting for you on this workshop."))
    return workshop, signup


def offer_confirm(*, signup, actor=None, now=None) -> Signup:
    now = now or timezone.now()
    with transaction.atomic():
        workshop, signup = _offered_locked(signup)
        if signup.offer_expires_at <= now or workshop.starts_at <= now:
            raise BookingError(
                _(
                    "The time to confirm this place has passed; it went to the next "
                    "person."
                )
            )
        signup.status = Status.PARTICIPANT
        signup.sequence += 1  # the tentative calendar event becomes confirmed
        signup.save(update_fields=["status", "sequence", "updated_at"])
        event_log(Event.Action.CONFIRMED, actor=actor, signup=signup)
        notifications.signup_notify(signup, "confirmed")
    return signup


def offer_decline(*, signup, actor=None, now=None) -> Signup:
    now = now or timezone.now()
    with transaction.atomic():
        _workshop, signup = _offered_locked(signup)
        _leave(signup, Event.Action.DECLINED, actor, now)
    return signup


def offers_expire(*, now=None) -> int:
    """Pass every offer not confirmed in time to the next person; safe to repeat."""
    now = now or timezone.now()
    due = Signup.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    expired = 0
    for signup in due.order_by("offer_expires_at", "pk"):
        with transaction.atomic():
            _locked(signup.workshop)
            signup = _signup_locked(signup)
            if signup.status != Status.OFFERED or signup.offer_expires_at > now:
                continue
            signup.status = Status.OFFER_EXPIRED
            signup.sequence += 1
            signup.save(update_fields=["status", "sequence", "updated_at"])
            event_log(Event.Action.OFFER_EXPIRED, actor=None, signup=signup)
            notifications.signup_notify(
                signup,
                "offer_expired",
                had_place=True,
                previous_status=Status.OFFERED,
            )
            place_freed(signup.workshop, now=now)
            expired += 1
    return expired


def _organiser_check(workshop, reason, now):
    if reason not in Workshop.CancelReason.values:
        raise BookingError(
            _("Choose one of the reasons the rules allow for this change.")
        )
    if workshop.is_cancelled:
        raise BookingError(_("This workshop has been cancelled."))
    if not rules.can_change(workshop.starts_at, now):
        raise BookingError(
            _("The centre can move or cancel a workshop only until the day before.")
        )
    if reason == Workshop.CancelReason.TOO_FEW:
        counts = workshop_counts(workshop)
        held = counts["participants"] + counts["offered"]
        if held >= workshop.min_participants:
            raise BookingError(
                _(
                    "Too few participants is not a valid reason: %(held)s places "
                    "are taken and the minimum is %(minimum)s."
                )
                % {"held": held, "minimum": workshop.min_participants}
            )


def _live_signups(workshop):
    return list(
        Signup.objects.select_for_update()
        .filter(workshop=workshop, status__in=Signup.LIVE)
        .order_by("requested_at", "pk")
    )


def workshop_cancel(*, workshop, reason, actor, now=None) -> Workshop:
    """Cancel for a reason § 5(1) allows; everyone signed up or waiting is told."""
    now = now or timezone.now()
    with transaction.atomic():
        workshop = _locked(workshop)
        _organiser_check(workshop, reason, now)
        for signup in _live_signups(workshop):
            previous = signup.status
            signup.status = Status.CANCELLED_BY_CENTRE
            signup.sequence += 1
            signup.save(update_fields=["status", "sequence", "updated_at"])
            event_log(
                Event.Action.CANCELLED_BY_CENTRE,
                actor=actor,
                signup=signup,
                reason=reason,
            )
            notifications.signup_notify(
                signup,
                "cancelled_by_centre",
                had_place=previous in Signup.HOLDS_PLACE,
                previous_status=previous,
            )
        workshop.status = Workshop.Status.CANCELLED
        workshop.cancel_reason = reason
        workshop.cancelled_at = now
        workshop.sequence += 1
        workshop.save(
            update_fields=["status", "cancel_reason", "cancelled_at", "sequence"]
        )
        event_log(
            Event.Action.CANCELLED_BY_CENTRE,
            actor=actor,
            workshop=workshop,
            reason=reason,
        )
    return workshop


def workshop_move(*, workshop, starts_at, ends_at, reason, actor, now=None):
    """Move for a reason § 5(1) allows; the old reminder is dropped."""
    now = now or timezone.now()
    if ends_at <= starts_at or starts_at <= now:
        raise BookingError(_("Choose a future start and an end after it."))
    with transaction.atomic():
        workshop = _locked(workshop)
        _organiser_check(workshop, reason, now)
        previous = workshop.starts_at
        workshop.starts_at, workshop.ends_at = starts_at, ends_at
        workshop.sequence += 1
        workshop.save(update_fields=["starts_at", "ends_at", "sequence"])
        event_log(
            Event.Action.WORKSHOP_MOVED,
            actor=actor,
            workshop=workshop,
            reason=reason,
            previous_starts_at=previous,
            starts_at=starts_at,
        )
        latest_offer = starts_at - timedelta(days=1)
        for signup in _live_signups(workshop):
            signup.sequence += 1
            signup.reminded_for = None
            if signup.offer_expires_at and signup.offer_expires_at > latest_offer:
                signup.offer_expires_at = latest_offer
            signup.workshop = workshop
            signup.save(
                update_fields=[
                    "sequence",
                    "reminded_for",
                    "offer_expires_at",
                    "updated_at",
                ]
            )
            notifications.signup_notify(
                signup, "workshop_moved", previous_starts_at=previous
            )
    return workshop
