"""E-mail to clients and staff about counselling appointments."""


def booking_notify(booking, event: str, **extra) -> None:
    """event: booked | moved | cancelled | cancelled_by_centre | reminder |
    link_sent."""


def signup_notify(signup, event: str, **extra) -> None:
    """event: participant | reserve | offered | confirmed | left | offer_expired |
    cancelled_by_centre | workshop_moved | reminder."""


def phone_list_notify(workshop, signups) -> None:
    """Offers stopped: the manager(s) get the reserve list in order, to phone people."""


def change_request_notify(change_request, event: str) -> None:
    """event: filed (to managers) | decided (to the client)."""


def complaint_notify(complaint, event: str) -> None:
    """event: filed (receipt to client + managers) | extended | decided."""
