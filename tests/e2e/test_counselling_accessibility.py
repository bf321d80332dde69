"""axe-core and reflow on the counselling centre's pages, in each display mode.

Every learner page of the centre (the section, each kind of service, free times,
booking with errors, workshop sign-up, "Moje spotkania" with a booking, a
reserve place and an offer, an appointment, cancelling it, a complaint with
errors and the refusal of a late one, the change of counsellor) in normal and
high-contrast modes and with text at 200%; the staff's screens once, in normal
mode. Every page is checked before the test fails, so one run lists them all.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import ServiceKind, Signup
from counselling.services.complaints import complaint_file_online
from tests.e2e.helpers import sign_in, sign_in_to_admin
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    counselling_index,
    in_days,
    make_service,
    manager_user,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MODES = {
    "normal": "normal|normal",
    "high-contrast": "normal|high",
    "text-200": "xlarge|normal",
}


def past_slot(counsellor, location, days):
    start = timezone.now() - timedelta(days=days, hours=2)
    return SlotFactory(
        counsellor=counsellor,
        location=location,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )


@pytest.fixture
def centre(site_content, learner):
    """A learner with an assigned counsellor, a booked meeting, a past one (on
    time for a complaint), an old one (too late), a reserve place, an offered
    place; free times; workshops with places; a complaint for the staff."""
    location = LocationFactory()
    counsellor = CounsellorFactory(locations=[location])
    client = ClientFactory(user=learner, counsellor=counsellor)
    index = counselling_index()
    services = {
        kind: make_service(kind=kind, slug=f"usluga-{kind}") for kind in ServiceKind
    }
    free = SlotFactory(counsellor=counsellor, location=location)
    remote = SlotFactory(counsellor=counsellor, location=None)
    booking = BookingFactory(
        client=client,
        slot=SlotFactory(counsellor=counsellor, location=location),
        topic="Zmiana zawodu",
    )
    recent = BookingFactory(client=client, slot=past_slot(counsellor, location, 1))
    old = BookingFactory(client=client, slot=past_slot(counsellor, location, 30))
    complained = BookingFactory(client=client, slot=past_slot(counsellor, location, 2))
    complaint = complaint_file_online(
        appointment=complained,
        full_name=client.name,
        address="ul. Długa 5, 31-000 Kraków",
        justification="Spotkanie zaczęło się z dużym opóźnieniem.",
        actor=learner,
    )
    workshop_service = services[ServiceKind.WORKSHOP]
    open_workshop = WorkshopFactory(
        service=workshop_service, location=location, leader=counsellor, capacity=10
    )
    full = WorkshopFactory(
        service=workshop_service, location=location, leader=counsellor, capacity=1
    )
    SignupFactory(workshop=full)
    reserve = SignupFactory(workshop=full, client=client, status=Signup.Status.RESERVE)
    offered_workshop = WorkshopFactory(
        service=workshop_service,
        location=location,
        leader=counsellor,
        starts_at=in_days(10),
    )
    offer = SignupFactory(
        workshop=offered_workshop,
        client=client,
        status=Signup.Status.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    return {
        "index": index,
        "services": services,
        "counsellor": counsellor,
        "client": client,
        "free": free,
        "remote": remote,
        "booking": booking,
        "recent": recent,
        "old": old,
        "complaint": complaint,
        "open_workshop": open_workshop,
        "full": full,
        "reserve": reserve,
        "offer": offer,
    }


def submit_unchecked(page):
    """Send the page's main form with the browser's own checks off, so the
    server's errors show."""
    page.evaluate(
        "document.querySelectorAll('main form').forEach(f => f.noValidate = true)"
    )
    page.locator("main form").last.locator(
        "button[type=submit], button:not([type]), input[type=submit]"
    ).last.click()
    page.wait_for_load_state()
    errors = ".errorlist, .error-summary, .form-errors, .errornote, .error-message"
    assert page.locator(errors).count() > 0, page.url


class Checker:
    """Collects every page's failures before the test fails."""

    def __init__(self, assert_accessible, enhanced_contrast=False):
        self.assert_accessible = assert_accessible
        self.enhanced_contrast = enhanced_contrast
        self.checked, self.failures, self.not_covered = [], {}, []

    def check(self, where, name):
        try:
            self.assert_accessible(where, enhanced_contrast=self.enhanced_contrast)
        except AssertionError as error:
            self.failures[name] = str(error)
        self.checked.append(name)

    def visit(self, where, url, name, expect=(200,)):
        response = where.goto(url)
        status = response and response.status
        if status not in expect:
            self.not_covered.append(f"{name} ({url}: {status})")
            return False
        self.check(where, name)
        return True

    def verdict(self, label, minimum):
        print(
            f"\n{label}: checked {len(self.checked)}; not covered: {self.not_covered}"
        )
        assert not self.failures, (
            f"{len(self.failures)} of {len(self.checked)} pages fail:\n\n"
            + "\n\n".join(
                f"== {name}\n{report}" for name, report in self.failures.items()
            )
        )
        assert not self.not_covered, self.not_covered
        assert len(self.checked) >= minimum, self.checked


@pytest.mark.parametrize("mode", MODES)
def test_learner_counselling_pages_pass_axe_and_reflow(
    mode, live_server, page, centre, learner, password, assert_accessible
):
    checker = Checker(assert_accessible, enhanced_contrast=mode == "high-contrast")
    page.context.add_cookies(
        [{"name": "kdp_display", "value": MODES[mode], "url": live_server.url}]
    )
    sign_in(page, learner.email, password)
    booking, recent, old = centre["booking"], centre["recent"], centre["old"]
    services = centre["services"]

    for url, name, expect in [
        (centre["index"].url, "counselling section", (200,)),
        (services[ServiceKind.INDIVIDUAL].url, "service: individual", (200,)),
        (services[ServiceKind.REMOTE].url, "service: remote", (200,)),
        (services[ServiceKind.WORKSHOP].url, "service: workshops", (200,)),
        (
            reverse("counselling:free_times", args=["individual"]),
            "free times",
            (200,),
        ),
        (
            reverse("counselling:free_times", args=["remote"]),
            "free remote times",
            (200,),
        ),
        (
            reverse("counselling:workshop_signup", args=[centre["open_workshop"].pk]),
            "workshop sign-up",
            (200,),
        ),
        (
            reverse("counselling:workshop_signup", args=[centre["full"].pk]),
            "workshop sign-up, already on the reserve list",
            (200,),
        ),
        (reverse("counselling:my_appointments"), "Moje spotkania", (200,)),
        (
            reverse("counselling:appointment", args=[booking.token]),
            "appointment",
            (200,),
        ),
        (
            reverse("counselling:appointment", args=[centre["offer"].token]),
            "appointment with an offer",
            (200,),
        ),
        (
            reverse("counselling:appointment", args=[centre["reserve"].token]),
            "appointment on the reserve list",
            (200,),
        ),
        (
            reverse("counselling:appointment_cancel", args=[booking.token]),
            "cancel confirmation",
            (200,),
        ),
        (
            reverse("counselling:complaint_new", args=[old.token]),
            "complaint refused, too late",
            (403,),
        ),
    ]:
        checker.visit(page, url, name, expect)
        if name == "Moje spotkania":
            # The states the list must show: a meeting, a reserve place, an offer.
            offer = reverse("counselling:offer_confirm", args=[centre["offer"].token])
            assert page.locator(f"form[action='{offer}']").count() == 1
            for appointment in (booking, centre["reserve"]):
                link = reverse("counselling:appointment", args=[appointment.token])
                assert page.locator(f"a[href='{link}']").count() >= 1, link

    checker.visit(
        page, reverse("counselling:book_slot", args=[centre["free"].pk]), "booking"
    )
    if checker.visit(
        page,
        reverse("counselling:book_slot", args=[centre["remote"].pk]),
        "remote booking",
    ):
        submit_unchecked(page)
        checker.check(page, "remote booking with errors")
    if checker.visit(
        page, reverse("counselling:complaint_new", args=[recent.token]), "complaint"
    ):
        page.get_by_label("Imię i nazwisko").fill("")
        submit_unchecked(page)
        checker.check(page, "complaint with errors")
    if checker.visit(page, reverse("counselling:change_request"), "change request"):
        submit_unchecked(page)
        checker.check(page, "change request with errors")

    checker.verdict(mode, 20)


def test_staff_counselling_screens_pass_axe_and_reflow(
    browser, live_server, page, centre, password, assert_accessible
):
    checker = Checker(assert_accessible)
    counsellor, client = centre["counsellor"], centre["client"]

    sign_in_to_admin(page, counsellor.user, password)
    for url, name in [
        (reverse("counselling_slots:index"), "counsellor: Moje terminy"),
        (reverse("counselling_my_sessions:index"), "counsellor: Moje spotkania"),
        (
            reverse("counselling_my_sessions:client", args=[client.pk]),
            "counsellor: client",
        ),
    ]:
        checker.visit(page, url, name)

    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    boss = context.new_page()
    boss.set_default_timeout(10_000)
    sign_in_to_admin(boss, manager_user(), password)
    workshop = centre["full"]
    for url, name in [
        (reverse("counselling_workshops:index"), "manager: workshops"),
        (
            reverse("counselling_workshops:detail", args=[workshop.pk]),
            "manager: workshop detail",
        ),
        (reverse("counselling_onbehalf:index"), "manager: on-behalf sign-up"),
        (
            reverse("counselling_onbehalf:index") + f"?q={client.name[:4]}",
            "manager: on-behalf search",
        ),
        (reverse("counselling_sessions:index"), "manager: sessions"),
        (
            reverse("counselling_sessions:detail", args=[centre["booking"].pk]),
            "manager: session",
        ),
        (reverse("counselling_changes:index"), "manager: change requests"),
        (reverse("counselling_complaints_index"), "manager: complaints"),
        (
            reverse("counselling_complaints_detail", args=[centre["complaint"].pk]),
            "manager: complaint",
        ),
        (reverse("counselling_statistics_index"), "manager: statistics"),
    ]:
        checker.visit(boss, url, name)
    context.close()

    checker.verdict("staff", 13)
