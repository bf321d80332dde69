"""What the services raise when a rule refuses a change."""

from django.utils.translation import gettext as _


class BookingError(Exception):
    """A rule refused the change; `message` is shown to the person as it is."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


class SlotTaken(BookingError):
    def __init__(self, message=None):
        super().__init__(
            message or _("Someone has just booked this time. Please choose another.")
        )
