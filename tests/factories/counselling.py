"""Counselling: places, counsellors, clients, free times, bookings, workshops.

Others may append new factory functions at the end; the existing ones stay as
they are.
"""

from datetime import datetime, timedelta

import factory
from django.utils import timezone

from counselling.models import (
    Booking,
    Client,
    CounsellingIndexPage,
    Counsellor,
    Location,
    ServiceKind,
    ServicePage,
    Signup,
    Slot,
    Workshop,
)
from counselling.rules import WARSAW
from portal.accounts.roles import CENTRE_MANAGER, COUNSELLOR
from portal.pages.demo import demo_content_load
from portal.pages.models import HomePage
from tests.factories.accounts import StaffFactory, UserFactory


def at(year, month, day, hour=10, minute=0) -> datetime:
    """An aware Warsaw time, for tests that move the clock."""
    return datetime(year, month, day, hour, minute, tzinfo=WARSAW)


def in_days(days, hour=10) -> datetime:
    """A Warsaw time `days` calendar days from today, at `hour`."""
    today = timezone.localtime(timezone.now(), WARSAW).date()
    day = today + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=WARSAW)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Centrum Poradnictwa Zawodowego {n}")
    city = "Kraków"
    address = "ul. Testowa 1"
    postal_code = "31-000"
    phone = "12 000 00 00"


class CounsellorFactory(factory.django.DjangoModelFactory):
    """A counsellor with a staff account in the "Doradca zawodowy" group."""

    class Meta:
        model = Counsellor
        skip_postgeneration_save = True

    user = factory.SubFactory(StaffFactory, role=COUNSELLOR, first_name="Ewa")
    phone = "12 111 11 11"

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.set(extracted)


def manager_user(**kwargs):
    """A staff member in the "Kierownik CPZ" group."""
    return StaffFactory(role=CENTRE_MANAGER, first_name="Maria", **kwargs)


class ClientFactory(factory.django.DjangoModelFactory):
    """A learner's client record (pass user=None with names for an entered person)."""

    class Meta:
        model = Client

    user = factory.SubFactory(UserFactory)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    counsellor = factory.SubFactory(CounsellorFactory)
    location = factory.SubFactory(LocationFactory)
    # Distinct times a week ahead, always within the free-times page's 30 days,
    # however many slots the session's earlier tests made.
    starts_at = factory.Sequence(
        lambda n: in_days(7, hour=8) + timedelta(minutes=7 * (n % 2000))
    )
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(hours=1))


class BookingFactory(factory.django.DjangoModelFactory):
    """A live booking made directly (no rules, no mail): for reading tests."""

    class Meta:
        model = Booking

    client = factory.SubFactory(ClientFactory)
    slot = factory.SubFactory(SlotFactory)
    requested_at = factory.LazyFunction(timezone.now)


def counselling_index() -> CounsellingIndexPage:
    """The "Poradnictwo zawodowe" section under the home page, created once."""
    index = CounsellingIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        demo_content_load()
        home = HomePage.objects.get()
    index = CounsellingIndexPage(
        title="Poradnictwo zawodowe",
        slug="poradnictwo-zawodowe",
        intro="Bezpłatne poradnictwo indywidualne, zdalne i grupowe.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_service(kind=ServiceKind.WORKSHOP, title=None, slug=None) -> ServicePage:
    """A published service page under the counselling section."""
    index = counselling_index()
    count = ServicePage.objects.count() + 1
    title = title or f"Usługa {kind} {count}"
    page = ServicePage(
        title=title,
        slug=slug or f"usluga-{kind}-{count}",
        kind=kind,
        summary="Krótki opis usługi.",
        body="<p>Opis usługi.</p>",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    service = factory.LazyFunction(make_service)
    location = factory.SubFactory(LocationFactory)
    leader = factory.SubFactory(CounsellorFactory)
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda w: w.starts_at + timedelta(hours=3))
    capacity = 2
    min_participants = 1


class SignupFactory(factory.django.DjangoModelFactory):
    """A sign-up made directly (no queue rules, no mail): for reading tests."""

    class Meta:
        model = Signup

    workshop = factory.SubFactory(WorkshopFactory)
    client = factory.SubFactory(ClientFactory)
    status = Signup.Status.PARTICIPANT
    requested_at = factory.LazyFunction(timezone.now)
