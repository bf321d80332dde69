"""The counselling centre's rows of the permission matrix, and the objects they need.

A (the owner) booked an individual session with the counsellor, holds a workshop
place, was present at a past workshop, asked for another counsellor and filed a
complaint; B has nothing. The counsellor's and the manager's screens show A's name
to them on purpose: they serve A.
"""

from datetime import timedelta

from django.utils import timezone

LOGIN = "→ sign-in"
ADMIN_HOME = "→ admin home (Wagtail's 'no permission' message)"
# Those who serve A in the centre: they see A's name on their screens.
SERVE_THE_OWNER = ("counsellor", "manager")


def counselling_world(*, owner, staff):
    from counselling.models import (
        Attendance,
        ChangeRequest,
        Complaint,
        Note,
        ServiceKind,
        Signup,
    )
    from counselling.services import bookings, clients, workshops
    from tests.factories.counselling import (
        CounsellorFactory,
        LocationFactory,
        SlotFactory,
        WorkshopFactory,
        in_days,
        make_service,
    )

    counsellor = CounsellorFactory(user=staff["counsellor"])
    location = LocationFactory(name="Centrum w Tarnowie", city="Tarnów")
    make_service(ServiceKind.INDIVIDUAL, title="Porada indywidualna", slug="porada")
    topic = make_service(ServiceKind.WORKSHOP, title="Rozmowa", slug="rozmowa")
    client = clients.client_for_user(owner)
    slot = SlotFactory(counsellor=counsellor, location=location, starts_at=in_days(9))
    booking = bookings.booking_create(client=client, slot=slot)
    free_slot = SlotFactory(
        counsellor=counsellor, location=location, starts_at=in_days(9, hour=13)
    )

    def workshop(days, **kwargs):
        return WorkshopFactory(
            service=topic,
            location=location,
            leader=counsellor,
            starts_at=in_days(days),
            ends_at=in_days(days) + timedelta(hours=3),
            **kwargs,
        )

    signup = workshops.signup_create(workshop=workshop(12), client=client)
    past = Signup.objects.create(
        workshop=workshop(-2),
        client=client,
        status=Signup.Status.PARTICIPANT,
        requested_at=timezone.now() - timedelta(days=10),
        attendance=Attendance.PRESENT,
    )
    change = ChangeRequest.objects.create(
        client=client, current=counsellor, reason="Inne godziny pracy."
    )
    Note.objects.create(client=client, counsellor=counsellor, text="Notatka.")
    complaint = Complaint.objects.create(
        client=client,
        signup=past,
        full_name=owner.get_full_name(),
        address="ul. Długa 1, Kraków",
        service_name="Rozmowa",
        service_date=timezone.localdate() - timedelta(days=2),
        service_place="Tarnów",
        justification="Za krótko.",
        received_on=timezone.localdate(),
        due_on=timezone.localdate() + timedelta(days=14),
    )
    return {
        "cpz_client": client,
        "cpz_location": location,
        "cpz_counsellor": counsellor,
        "booking": booking,
        "slot": slot,
        "free_slot": free_slot,
        "signup": signup,
        "open_workshop": workshop(20),
        "workshop": signup.workshop,
        "past_signup": past,
        "change_request": change,
        "complaint": complaint,
    }


def rows(row, admin_row, viewset_rows):
    """PUBLIC, PAGES and ADMIN_OWN rows of the counselling centre."""
    token = "/spotkania/{booking.token}/"
    past = "/spotkania/{past_signup.token}/"
    # The e-mailed link opens A's appointment for whoever holds it, except another
    # learner signed in (who has a page of their own); staff opening it are audited.
    by_token = {"everyone": 200, "other": 404, "names_the_owner": True}
    public = [
        row(
            "counselling:my_appointments", "/spotkania/", anonymous=LOGIN, everyone=200
        ),
        row("counselling:free_times", "/spotkania/terminy/indywidualne/", everyone=200),
        row(
            "counselling:book_slot",
            "/spotkania/termin/{free_slot.pk}/",
            anonymous=LOGIN,
            learners=200,
            staff=403,
        ),
        row(
            "counselling:workshop_signup",
            "/spotkania/warsztat/{open_workshop.pk}/zapis/",
            anonymous=LOGIN,
            learners=200,
            staff=403,
        ),
        row(
            "counselling:change_request",
            "/spotkania/zmiana-doradcy/",
            anonymous=LOGIN,
            everyone=200,
        ),
        row("counselling:appointment", token, **by_token),
        row("counselling:appointment", "/spotkania/nieznany-token/", everyone=404),
        row("counselling:appointment_ics", token + "kalendarz.ics", **by_token),
        row("counselling:appointment_cancel", token + "odwolaj/", **by_token),
        row("counselling:appointment_move", token + "zmien-termin/", **by_token),
        row("counselling:offer_confirm", token + "potwierdz/", everyone=405),
        row("counselling:offer_decline", token + "odrzuc/", everyone=405),
        row(
            "counselling:complaint_new",
            past + "zastrzezenie/",
            everyone=403,
            owner=200,
            other=404,
            names_the_owner=True,
        ),
        row(
            "counselling:confirmation_pdf",
            past + "potwierdzenie.pdf",
            **by_token,
        ),
    ]
    pages = [
        row("page:CounsellingIndexPage", "/poradnictwo-zawodowe/", everyone=200),
        row("page:ServicePage", "/poradnictwo-zawodowe/porada/", everyone=200),
        row("page:ServicePage", "/poradnictwo-zawodowe/rozmowa/", everyone=200),
    ]
    mine = {"staff": ADMIN_HOME, "counsellor": 200}
    # The screens that only take a POST answer a GET with 405, whoever asks.
    centre = {"staff": ADMIN_HOME, "manager": 200}
    serves = {"shown_to": SERVE_THE_OWNER}
    admin = [
        admin_row(
            "counselling_slots:index", "/admin/poradnictwo/moje-terminy/", **mine
        ),
        admin_row(
            "counselling_slots:withdraw",
            "/admin/poradnictwo/moje-terminy/{free_slot.pk}/wycofaj/",
            staff=405,
        ),
        admin_row(
            "counselling_my_sessions:index",
            "/admin/poradnictwo/moje-spotkania/",
            **mine,
            **serves,
        ),
        admin_row(
            "counselling_my_sessions:attendance",
            "/admin/poradnictwo/moje-spotkania/spotkanie/{booking.pk}/obecnosc/",
            staff=405,
        ),
        admin_row(
            "counselling_my_sessions:signup_attendance",
            "/admin/poradnictwo/moje-spotkania/uczestnik/{past_signup.pk}/obecnosc/",
            staff=405,
        ),
        admin_row(
            "counselling_my_sessions:client",
            "/admin/poradnictwo/moje-spotkania/klient/{cpz_client.pk}/",
            staff=ADMIN_HOME,
            counsellor=200,
            manager=200,
            **serves,
        ),
        *[
            admin_row(
                f"counselling_my_sessions:client_{action}",
                f"/admin/poradnictwo/moje-spotkania/klient/{{cpz_client.pk}}/{path}/",
                staff=405,
            )
            for action, path in (
                ("note", "notatka"),
                ("link", "link"),
                ("assign", "doradca"),
            )
        ],
        admin_row(
            "counselling_workshops:detail",
            "/admin/poradnictwo/warsztaty/{workshop.pk}/szczegoly/",
            staff=ADMIN_HOME,
            manager=200,
            counsellor=200,  # the workshop's leader
            **serves,
        ),
        *[
            admin_row(
                f"counselling_workshops:{action}",
                f"/admin/poradnictwo/warsztaty/{{workshop.pk}}/{path}/",
                staff=405,
            )
            for action, path in (("cancel", "odwolaj"), ("move", "przenies"))
        ],
        *viewset_rows(
            "counselling_workshops",
            "{workshop.pk}",
            prefix="poradnictwo/warsztaty",
            every_screen=centre,
            delete={"staff": ADMIN_HOME},
        ),
        admin_row("counselling_onbehalf:index", "/admin/poradnictwo/zapis/", **centre),
        admin_row(
            "counselling_sessions:index",
            "/admin/poradnictwo/spotkania/",
            **centre,
            **serves,
        ),
        admin_row(
            "counselling_sessions:detail",
            "/admin/poradnictwo/spotkania/{booking.pk}/",
            **centre,
            **serves,
        ),
        admin_row(
            "counselling_sessions:cancel",
            "/admin/poradnictwo/spotkania/{booking.pk}/odwolaj/",
            staff=405,
        ),
        admin_row(
            "counselling_sessions:move",
            "/admin/poradnictwo/spotkania/{booking.pk}/przenies/",
            staff=405,
        ),
        admin_row(
            "counselling_changes:index",
            "/admin/poradnictwo/zmiana-doradcy/",
            **centre,
            **serves,
        ),
        admin_row(
            "counselling_changes:decide",
            "/admin/poradnictwo/zmiana-doradcy/{change_request.pk}/",
            staff=405,
        ),
        *viewset_rows(
            "counselling_locations",
            "{cpz_location.pk}",
            prefix="poradnictwo/miejsca",
            every_screen={"staff": ADMIN_HOME, "manager": 200, "editor": 200},
            delete={"staff": ADMIN_HOME},
        ),
        *viewset_rows(
            "counselling_counsellors",
            "{cpz_counsellor.pk}",
            prefix="poradnictwo/doradcy",
            every_screen=centre,
            delete={"staff": ADMIN_HOME},
        ),
        admin_row(
            "counselling_complaints_index",
            "/admin/poradnictwo/zastrzezenia/",
            **centre,
            **serves,
        ),
        admin_row(
            "counselling_complaints_add",
            "/admin/poradnictwo/zastrzezenia/nowe/",
            **centre,
        ),
        admin_row(
            "counselling_complaints_detail",
            "/admin/poradnictwo/zastrzezenia/{complaint.pk}/",
            **centre,
            **serves,
        ),
        admin_row(
            "counselling_statistics_index", "/admin/poradnictwo/statystyki/", **centre
        ),
    ]
    return public, pages, admin
