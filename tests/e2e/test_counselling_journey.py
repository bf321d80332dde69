"""Career counselling (issue 13): booking, workshop queue, cancellation, complaints.

Learners move only by visible links from the home page; staff work in the admin.
"""

import json
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from django.core import mail

from counselling.management.commands.load_counselling_demo import (
    catalogue_ensure,
    locations_ensure,
)
from counselling.models import Booking, Complaint, Signup
from portal.accounts.roles import CENTRE_MANAGER
from privacy.services.requests import data_export_create
from privacy.tasks import data_export_build_task
from tests.e2e.helpers import (
    account_menu,
    admin_menu,
    main_menu,
    sign_in,
    sign_in_to_admin,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    in_days,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
INDIVIDUAL = "Poradnictwo indywidualne"
WORKSHOP = "Techniki poszukiwania pracy"
WORKSHOP_SLUG = "techniki-poszukiwania-pracy"


def centre():
    """The catalogue in the main menu, its places and one counsellor in Kraków."""
    places = locations_ensure()
    _index, services = catalogue_ensure()
    counsellor = CounsellorFactory(
        user__first_name="Ewa", user__last_name="Doradcza", locations=[places[0]]
    )
    return places, services, counsellor


def open_service(page, title):
    main_menu(page, "Poradnictwo zawodowe")
    page.get_by_role("link", name=title, exact=True).click()
    page.wait_for_load_state()


def test_a_learner_books_an_individual_meeting_and_gets_the_calendar_file(
    page, live_server, site_content, password, screenshot, assert_accessible
):
    places, _services, counsellor = centre()
    slot = SlotFactory(
        counsellor=counsellor, location=places[0], starts_at=in_days(10, hour=9)
    )
    learner = UserFactory(first_name="Olga", last_name="Nowicka")

    page.goto("/")
    sign_in(page, learner.email, password)
    main_menu(page, "Poradnictwo zawodowe")
    assert_accessible(page)
    screenshot(page, "counselling-01-catalogue")
    page.get_by_role("link", name=INDIVIDUAL, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == INDIVIDUAL
    assert_accessible(page)
    page.get_by_role("link", name="Zobacz wolne terminy").click()
    page.wait_for_load_state()
    assert_accessible(page)
    screenshot(page, "counselling-02-free-times")
    page.get_by_role("link", name=re.compile(r"^09:00")).first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("O czym chcesz porozmawiać?").fill("Wybór szkolenia")
    screenshot(page, "counselling-03-book")
    page.get_by_role("button", name="Rezerwuję ten termin").click()
    page.wait_for_load_state()
    assert_accessible(page)
    screenshot(page, "counselling-04-booked")
    booking = Booking.objects.get(slot=slot)
    assert booking.client.user == learner
    assert booking.token in page.url

    message = [m for m in mail.outbox if m.to == [learner.email]][-1]
    calendars = [a for a in message.attachments if a[2].startswith("text/calendar")]
    assert calendars, message.attachments
    content = calendars[0][1]
    content = content.decode() if isinstance(content, bytes) else content
    assert "UID:" in content
    assert "DTSTART;TZID=Europe/Warsaw:" in content


def learner_tab(browser, live_server, user, password):
    tab = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    tab.set_default_timeout(10_000)
    tab.goto("/")
    sign_in(tab, user.email, password)
    return tab


def sign_up_for_first_date(tab, title):
    open_service(tab, title)
    tab.get_by_role("heading", name="Najbliższe terminy").wait_for()
    tab.locator(".certificate-list__files").first.get_by_role("link").click()
    tab.wait_for_load_state()
    tab.locator("form.form").get_by_role("button").click()
    tab.wait_for_load_state()


def test_a_full_workshop_queues_a_third_person_who_takes_a_freed_place(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    places, services, counsellor = centre()
    workshop = WorkshopFactory(
        service=services[WORKSHOP_SLUG],
        location=places[0],
        leader=counsellor,
        starts_at=in_days(14),
        capacity=2,
    )
    anna, bartek, celina = (
        UserFactory(first_name="Anna"),
        UserFactory(first_name="Bartek"),
        UserFactory(first_name="Celina"),
    )

    # Two learners fill both places.
    page.goto("/")
    sign_in(page, anna.email, password)
    open_service(page, WORKSHOP)
    assert_accessible(page)
    screenshot(page, "counselling-05-workshop-dates")
    page.locator(".certificate-list__files").first.get_by_role("link").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    page.wait_for_load_state()
    assert "Zapisano Cię" in page.get_by_role("status").first.inner_text() or (
        Signup.objects.get(client__user=anna).status == Signup.Status.PARTICIPANT
    )
    assert_accessible(page)
    bartek_tab = learner_tab(browser, live_server, bartek, password)
    sign_up_for_first_date(bartek_tab, WORKSHOP)
    statuses = dict(
        Signup.objects.filter(workshop=workshop).values_list(
            "client__user__first_name", "status"
        )
    )
    assert statuses == {"Anna": "participant", "Bartek": "participant"}

    # The third lands on the reserve list at position 1, and the page says so.
    celina_tab = learner_tab(browser, live_server, celina, password)
    open_service(celina_tab, WORKSHOP)
    assert "lista rezerwowa" in celina_tab.locator(".certificate-list").inner_text()
    celina_tab.get_by_role(
        "link", name=re.compile("^Zapisz się na listę rezerwową")
    ).click()
    celina_tab.wait_for_load_state()
    assert_accessible(celina_tab)
    screenshot(celina_tab, "counselling-06-reserve-signup")
    celina_tab.get_by_role("button", name="Zapisz się na listę rezerwową").click()
    celina_tab.wait_for_load_state()
    assert "Jesteś na liście rezerwowej, na miejscu 1." in celina_tab.inner_text("body")
    status = celina_tab.locator("dt", has_text="Status").locator("xpath=../dd")
    assert status.inner_text() == "miejsce 1 na liście rezerwowej"
    assert_accessible(celina_tab)
    screenshot(celina_tab, "counselling-07-reserve-position")
    reserve = Signup.objects.get(client__user=celina)
    assert reserve.status == Signup.Status.RESERVE

    # Anna cancels from "Moje spotkania".
    mail.outbox.clear()
    account_menu(page).get_by_role("link", name="Moje spotkania").click()
    page.wait_for_load_state()
    assert_accessible(page)
    screenshot(page, "counselling-08-my-appointments")
    page.get_by_role("link", name=re.compile("^Szczegóły i zmiany")).first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("link", name="Zrezygnuj z udziału").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("button", name="Tak, rezygnuję").click()
    page.wait_for_load_state()
    assert Signup.objects.get(client__user=anna).status not in Signup.LIVE

    # Celina gets the offer, follows the link in the e-mail and confirms.
    offer = [m for m in mail.outbox if m.to == [celina.email]]
    assert offer, [m.subject for m in mail.outbox]
    link = re.search(r"https?://\S+/spotkania/\S+/", offer[-1].body)
    assert link, offer[-1].body
    # The e-mail names the production host; open the same path on the test server.
    celina_tab.goto(urlsplit(link.group(0)).path)
    celina_tab.get_by_role("heading", name="Czeka na Ciebie wolne miejsce").wait_for()
    assert_accessible(celina_tab)
    screenshot(celina_tab, "counselling-09-offer")
    celina_tab.get_by_role("button", name="Potwierdź miejsce").first.click()
    celina_tab.wait_for_load_state()
    reserve.refresh_from_db()
    assert reserve.status == Signup.Status.PARTICIPANT
    assert_accessible(celina_tab)
    screenshot(celina_tab, "counselling-10-offer-confirmed")


def test_the_manager_cancels_a_workshop_and_a_counsellor_marks_attendance(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    places, services, counsellor = centre()
    workshop = WorkshopFactory(
        service=services[WORKSHOP_SLUG],
        location=places[0],
        leader=counsellor,
        starts_at=in_days(14),
        capacity=2,
    )
    people = [UserFactory(first_name=name) for name in ("Anna", "Bartek", "Celina")]
    for person, status in zip(
        people, ("participant", "participant", "reserve"), strict=True
    ):
        SignupFactory(workshop=workshop, client__user=person, status=status)
    past = BookingFactory(
        slot=SlotFactory(
            counsellor=counsellor, location=places[0], starts_at=in_days(-1, hour=9)
        ),
        client__user=UserFactory(first_name="Dorota", last_name="Obecna"),
    )

    # The Kierownik CPZ cancels for a reason the rules allow.
    manager = StaffFactory(role=CENTRE_MANAGER, first_name="Maria")
    page.goto("/")
    sign_in_to_admin(page, manager, password)
    admin_menu(page, "Poradnictwo", "Terminy warsztatów")
    page.get_by_role("link", name=WORKSHOP).first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    screenshot(page, "counselling-11-admin-workshop")
    mail.outbox.clear()
    cancel = page.get_by_role("button", name="Odwołaj warsztat i powiadom wszystkich")
    form = page.locator("form", has=cancel)
    form.get_by_label("nagła choroba osoby prowadzącej i brak zastępstwa").check()
    cancel.click()
    page.wait_for_load_state()
    assert "Warsztat odwołany" in page.inner_text("main")
    screenshot(page, "counselling-12-admin-workshop-cancelled")
    workshop.refresh_from_db()
    assert workshop.is_cancelled
    told = {address for message in mail.outbox for address in message.to}
    assert {person.email for person in people} <= told

    # A counsellor marks attendance of yesterday's meeting.
    other = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    other.set_default_timeout(10_000)
    other.goto("/")
    sign_in_to_admin(other, counsellor.user, password)
    admin_menu(other, "Poradnictwo", "Moje spotkania")
    assert_accessible(other)
    row = other.get_by_role("row", name=re.compile("Obecna"))
    row.get_by_label("obecność", exact=True).check()
    row.get_by_role("button", name="Zapisz obecność").click()
    other.wait_for_load_state()
    screenshot(other, "counselling-13-admin-attendance")
    past.refresh_from_db()
    assert past.attendance == "present"


def test_a_complaint_on_day_3_is_taken_on_day_6_refused_and_the_copy_has_the_bookings(
    page, live_server, site_content, password, screenshot, assert_accessible
):
    places, services, counsellor = centre()
    learner = UserFactory(first_name="Ewelina", last_name="Skarżąca")
    client = ClientFactory(user=learner)
    recent, old = (
        SignupFactory(
            client=client,
            workshop=WorkshopFactory(
                service=services[WORKSHOP_SLUG],
                location=places[0],
                leader=counsellor,
                starts_at=in_days(-days, hour=9),
            ),
        )
        for days in (3, 6)
    )
    booking = BookingFactory(
        client=recent.client,
        slot=SlotFactory(
            counsellor=counsellor, location=places[0], starts_at=in_days(5, hour=9)
        ),
        topic="Wybór szkolenia",
    )

    # Three days after the workshop the form takes the complaint.
    page.goto("/")
    sign_in(page, learner.email, password)
    account_menu(page).get_by_role("link", name="Moje spotkania").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=re.compile("^Zgłoś zastrzeżenie")).first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert "r.." not in page.inner_text("main")
    page.get_by_label(re.compile("^Adres")).fill("ul. Długa 1, 30-001 Kraków")
    page.get_by_label("Czego dotyczy zastrzeżenie i dlaczego je zgłaszasz").fill(
        "Warsztat skończył się godzinę wcześniej."
    )
    screenshot(page, "counselling-14-complaint")
    page.get_by_role("button", name="Wyślij zastrzeżenie").click()
    page.wait_for_load_state()
    assert_accessible(page)
    screenshot(page, "counselling-15-complaint-filed")
    assert Complaint.objects.filter(client=recent.client).count() == 1

    # Six days after, the form is closed: the page explains and gives the contact.
    assert page.locator(f'a[href*="{old.token}/zastrzezenie"]').count() == 0
    page.goto(f"/spotkania/{old.token}/zastrzezenie/")  # the link from the e-mail
    assert "Minął termin na zgłoszenie zastrzeżenia" in page.inner_text("main")
    assert page.get_by_role("button", name="Wyślij zastrzeżenie").count() == 0
    assert_accessible(page)
    screenshot(page, "counselling-16-complaint-too-late")
    assert Complaint.objects.filter(client=recent.client).count() == 1

    # The IOD's copy of data holds the bookings and the sign-ups.
    export = data_export_create(user=learner)
    data_export_build_task(export.pk)
    export.refresh_from_db()
    with export.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        parts = json.loads(archive.read("data.json"))["data"]
    counselling = next(part for part in parts.values() if "bookings" in part)
    assert [b["topic"] for b in counselling["bookings"]] == [booking.topic]
    assert len(counselling["workshop_signups"]) == 2
