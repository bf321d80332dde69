from django.urls import path, register_converter

from . import documents_views
from .models import ServiceKind
from .views import appointments, booking, requests

app_name = "counselling"


class KindConverter:
    """Polish path segments for the kinds of individual counselling."""

    SEGMENTS = {"indywidualne": ServiceKind.INDIVIDUAL, "zdalne": ServiceKind.REMOTE}
    regex = "|".join(SEGMENTS)

    def to_python(self, value):
        return self.SEGMENTS[value]

    def to_url(self, value):
        for segment, kind in self.SEGMENTS.items():
            if kind == value:
                return segment
        raise ValueError(value)


register_converter(KindConverter, "cpz_kind")

urlpatterns = [
    path("", appointments.my_appointments, name="my_appointments"),
    path("terminy/<cpz_kind:kind>/", booking.free_times, name="free_times"),
    path("termin/<int:slot_id>/", booking.book_slot, name="book_slot"),
    path(
        "warsztat/<int:workshop_id>/zapis/",
        booking.workshop_signup,
        name="workshop_signup",
    ),
    path("zmiana-doradcy/", requests.change_request, name="change_request"),
    path(
        "<str:token>/zmien-termin/",
        appointments.appointment_move,
        name="appointment_move",
    ),
    path(
        "<str:token>/odwolaj/",
        appointments.appointment_cancel,
        name="appointment_cancel",
    ),
    path(
        "<str:token>/potwierdz/",
        appointments.appointment_offer_confirm,
        name="offer_confirm",
    ),
    path(
        "<str:token>/odrzuc/",
        appointments.appointment_offer_decline,
        name="offer_decline",
    ),
    path(
        "<str:token>/kalendarz.ics",
        appointments.appointment_ics,
        name="appointment_ics",
    ),
    path(
        "<str:token>/zastrzezenie/",
        requests.complaint_new,
        name="complaint_new",
    ),
    path(
        "<str:token>/potwierdzenie.pdf",
        documents_views.confirmation_download,
        name="confirmation_pdf",
    ),
    path("<str:token>/", appointments.appointment_detail, name="appointment"),
]
