"""The people served: client records, their one counsellor, meeting links."""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..models import Booking, ChangeRequest, Client, Event, MeetingLink
from .errors import BookingError
from .events import event_log


def _entered_for(user):
    """A record staff entered (no account) under one of the user's verified
    addresses, locked; None when there is none."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(email__iexact=email)
    return (
        Client.objects.select_for_update()
        .filter(query, user__isnull=True)
        .order_by("pk")
        .first()
    )


def client_for_user(user) -> Client:
    """The learner's client record; name and address stay on the account.

    A person staff entered before they had an account keeps that record (their
    counsellor, sessions and place in queues): it is attached to the account
    when one of the account's verified addresses is the one staff wrote down.
    """
    if client := Client.objects.filter(user=user).first():
        return client
    try:
        with transaction.atomic():
            entered = _entered_for(user)
            if entered is None:
                return Client.objects.create(user=user)
            entered.user = user
            entered.save(update_fields=["user"])
            return entered
    except IntegrityError:
        # Another request created or attached the account's record first.
        return Client.objects.get(user=user)


def client_enter(
    *, first_name, last_name, email="", phone="", pup_office=None, actor
) -> Client:
    """A person without a portal account, entered by staff (§ 3(4)).

    Someone already known by that e-mail address keeps their record (and so their
    counsellor); an empty phone or office is filled in.
    """
    first_name, last_name = first_name.strip(), last_name.strip()
    email, phone = email.strip(), phone.strip()
    if not (first_name and last_name):
        raise BookingError(_("Give the person's first name and last name."))
    with transaction.atomic():
        known = None
        if email:
            known = (
                # Lock only the client rows (the outer join to the account is
                # nullable, which PostgreSQL will not lock).
                Client.objects.select_for_update(of=("self",))
                .filter(Q(email__iexact=email) | Q(user__email__iexact=email))
                .order_by("pk")
                .first()
            )
        if known is None:
            return Client.objects.create(
                first_name=first_name,
                last_name=last_name,
                email=email,
                phone=phone,
                pup_office=pup_office,
            )
        changed = []
        if phone and not known.phone:
            known.phone = phone
            changed.append("phone")
        if pup_office and not known.pup_office_id and not known.user_id:
            known.pup_office = pup_office
            changed.append("pup_office")
        if changed:
            known.save(update_fields=changed)
        return known


def counsellor_for_client(client):
    """The counsellor the client works with, or None (first booking assigns one)."""
    counsellor = client.counsellor if client.counsellor_id else None
    return counsellor if counsellor and counsellor.is_active else None


def change_request_file(*, client, reason, actor=None) -> ChangeRequest:
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Say why you would like another counsellor."))
    try:
        with transaction.atomic():
            change_request = ChangeRequest.objects.create(
                client=client, current_id=client.counsellor_id, reason=reason
            )
            event_log(
                Event.Action.CHANGE_FILED,
                actor=actor,
                client=client,
                change_request=change_request.pk,
            )
            notifications.change_request_notify(change_request, "filed")
    except IntegrityError as error:
        raise BookingError(
            _("Your request to change the counsellor is waiting for a decision.")
        ) from error
    return change_request


def _counsellor_set(client, counsellor, actor, **detail):
    previous = client.counsellor_id
    client.counsellor = counsellor
    client.save(update_fields=["counsellor"])
    event_log(
        Event.Action.COUNSELLOR_CHANGED,
        actor=actor,
        client=client,
        previous=previous,
        counsellor=counsellor.pk,
        **detail,
    )


def change_request_decide(
    *, change_request, approve: bool, new_counsellor=None, note, actor, now=None
) -> ChangeRequest:
    now = now or timezone.now()
    note = (note or "").strip()
    with transaction.atomic():
        change_request = ChangeRequest.objects.select_for_update().get(
            pk=change_request.pk
        )
        if change_request.status != ChangeRequest.Status.PENDING:
            raise BookingError(_("This request has already been decided."))
        if approve and new_counsellor is None:
            raise BookingError(_("Choose the new counsellor."))
        if not approve and not note:
            raise BookingError(_("Give the reason for refusing the request."))
        client = Client.objects.select_for_update().get(pk=change_request.client_id)
        if approve:
            change_request.status = ChangeRequest.Status.APPROVED
            change_request.new_counsellor = new_counsellor
            _counsellor_set(
                client, new_counsellor, actor, change_request=change_request.pk
            )
        else:
            change_request.status = ChangeRequest.Status.REJECTED
        change_request.decision_note = note
        change_request.decided_by = actor
        change_request.decided_at = now
        change_request.save()
        event_log(
            Event.Action.CHANGE_DECIDED,
            actor=actor,
            client=client,
            change_request=change_request.pk,
            approved=approve,
        )
        notifications.change_request_notify(change_request, "decided")
    return change_request


def counsellor_assign(*, client, counsellor, actor) -> Client:
    """The manager assigns a counsellor directly (no request needed)."""
    with transaction.atomic():
        client = Client.objects.select_for_update().get(pk=client.pk)
        if client.counsellor_id != counsellor.pk:
            _counsellor_set(client, counsellor, actor, assigned=True)
    return client


def next_remote_booking(client, counsellor, now):
    return (
        Booking.objects.filter(
            client=client,
            slot__counsellor=counsellor,
            slot__location__isnull=True,
            slot__starts_at__gt=now,
            status=Booking.Status.BOOKED,
        )
        .select_related("slot")
        .order_by("slot__starts_at", "pk")
        .first()
    )


def meeting_link_set(*, client, counsellor, url, actor, now=None) -> MeetingLink:
    """One link per client and counsellor, e-mailed once (§ 4(1)).

    It goes out with the client's next remote booking with that counsellor; a
    changed address goes out again. Without a booking the link waits, unsent.
    """
    now = now or timezone.now()
    url = (url or "").strip()
    if not url:
        raise BookingError(_("Give the meeting link."))
    with transaction.atomic():
        link, created = MeetingLink.objects.select_for_update().get_or_create(
            client=client, counsellor=counsellor, defaults={"url": url}
        )
        changed = created or link.url != url
        if changed:
            link.url = url
            link.sent_at = None
        if link.sent_at is None:
            booking = next_remote_booking(client, counsellor, now)
            if booking is not None:
                link.sent_at = now
                event_log(
                    Event.Action.LINK_SENT,
                    actor=actor,
                    booking=booking,
                    client=client,
                    link=link.pk,
                )
                notifications.booking_notify(booking, "link_sent")
        link.save()
    return link
