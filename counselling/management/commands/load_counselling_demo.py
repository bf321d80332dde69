"""The counselling centre on a fresh machine: its five places, the catalogue, two
counsellors and the head of the centre, free times and workshops for six weeks.

Running it again creates nothing twice: it only tops up future dates. Locations
carry only what public sources state (the administrator's seat in Kraków, the
cities, "during WUP's working hours"); the editor fills in the rest.
"""

from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from counselling import rules
from counselling.models import (
    CounsellingIndexPage,
    Counsellor,
    Location,
    ServiceKind,
    ServicePage,
    Slot,
    Workshop,
)
from portal.accounts.management.commands.create_staff_accounts import (
    DEFAULT_DOMAIN,
    STAFF_ACCOUNTS,
)
from portal.accounts.models import User
from portal.accounts.roles import CENTRE_MANAGER, COUNSELLOR
from portal.pages.models import HomePage, NavigationSettings

HOURS = "w godzinach pracy Wojewódzkiego Urzędu Pracy w Krakowie"
LOCATIONS = [
    # name, city, address, postal code
    (
        "Centrum Poradnictwa Zawodowego w Krakowie",
        "Kraków",
        "Plac na Stawach 1",
        "30-107",
    ),
    ("Centrum Poradnictwa Zawodowego w Nowym Sączu", "Nowy Sącz", "", ""),
    ("Centrum Poradnictwa Zawodowego w Oświęcimiu", "Oświęcim", "", ""),
    ("Centrum Poradnictwa Zawodowego w Tarnowie", "Tarnów", "", ""),
    ("Punkt poradnictwa zawodowego w Miechowie", "Miechów", "", ""),
]
INDEX = {
    "title": "Poradnictwo zawodowe",
    "slug": "poradnictwo-zawodowe",
    "intro": (
        "Centrum Poradnictwa Zawodowego Wojewódzkiego Urzędu Pracy w Krakowie pomaga "
        "bezpłatnie osobom bezrobotnym i poszukującym pracy: na spotkaniach "
        "indywidualnych, przez internet i na warsztatach w grupie."
    ),
    "body": (
        "<p>Z doradcą zawodowym spotkasz się w Krakowie, Nowym Sączu, Oświęcimiu, "
        "Tarnowie albo w punkcie w Miechowie, w godzinach pracy urzędu. Możesz też "
        "porozmawiać zdalnie, przez komunikator audio-wideo.</p>"
        "<p>Zapisz się przez formularz na tej stronie albo zadzwoń, napisz e-mail lub "
        "przyjdź osobiście. Każda osoba zapisana dostaje potwierdzenie i bezpośredni "
        "kontakt do osoby, która prowadzi spotkanie.</p>"
    ),
}
SERVICES = [
    # slug, title, kind, duration, summary, body
    (
        "poradnictwo-indywidualne",
        "Poradnictwo indywidualne",
        ServiceKind.INDIVIDUAL,
        60,
        "Rozmowa w cztery oczy z doradcą zawodowym w jednej z siedzib Centrum.",
        "<p>Na spotkaniu omówisz z doradcą zawodowym swoją sytuację na rynku pracy: "
        "mocne strony, plany, wybór zawodu lub szkolenia i kolejne kroki.</p>"
        "<p>Pracujesz z jednym doradcą; kolejne spotkania umawiasz u tej samej "
        "osoby. Zmiana doradcy jest możliwa w uzasadnionej sytuacji.</p>",
    ),
    (
        "poradnictwo-zdalne",
        "Poradnictwo indywidualne zdalne",
        ServiceKind.REMOTE,
        60,
        "Rozmowa z doradcą zawodowym przez komunikator audio-wideo, bez dojazdu.",
        "<p>Doradca wyśle Ci e-mailem link do spotkania; ten sam link działa przy "
        "każdym kolejnym spotkaniu. Potrzebujesz komputera z internetem, kamery i "
        "mikrofonu oraz telefonu na wypadek przerwania połączenia.</p>"
        "<p>Rozmawiasz z miejsca, w którym nikt nie słucha, i nie w podróży. "
        "Nagrywanie rozmowy i robienie zrzutów ekranu jest zabronione.</p>",
    ),
    (
        "techniki-poszukiwania-pracy",
        "Techniki poszukiwania pracy",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat o tym, gdzie szukać ofert i jak zaplanować poszukiwanie pracy.",
        "<p>Na warsztacie poznasz źródła ofert pracy, także tych, które nie trafiają "
        "do ogłoszeń, i ułożysz własny plan szukania zatrudnienia.</p>",
    ),
    (
        "rozmowa-kwalifikacyjna",
        "Rozmowa kwalifikacyjna",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat przygotowujący do rozmowy z pracodawcą.",
        "<p>Przećwiczysz typowe pytania rekruterów, opowiadanie o swoim "
        "doświadczeniu i radzenie sobie ze stresem przed rozmową.</p>",
    ),
    (
        "dokumenty-aplikacyjne",
        "Dokumenty aplikacyjne",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat o CV i liście motywacyjnym dopasowanych do oferty.",
        "<p>Przygotujesz lub poprawisz swoje CV i list motywacyjny tak, aby "
        "odpowiadały na wymagania konkretnej oferty pracy.</p>",
    ),
    (
        "internet-w-poszukiwaniu-pracy",
        "Internet w poszukiwaniu pracy",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat o portalach z ofertami, profilu zawodowym i bezpieczeństwie w sieci.",
        "<p>Dowiesz się, jak korzystać z portali z ofertami pracy, jak założyć "
        "profil zawodowy i jak rozpoznać podejrzane ogłoszenia.</p>",
    ),
    (
        "komunikacja-i-autoprezentacja",
        "Komunikacja i autoprezentacja",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat o tym, jak mówić o sobie i dobrze wypaść w kontakcie z pracodawcą.",
        "<p>Poćwiczysz krótkie przedstawienie siebie, słuchanie i mowę ciała w "
        "sytuacjach, które spotykasz, szukając pracy.</p>",
    ),
    (
        "praca-za-granica-eures",
        "Praca za granicą i EURES",
        ServiceKind.WORKSHOP,
        180,
        "Warsztat o bezpiecznym wyjeździe do pracy i o sieci EURES.",
        "<p>Poznasz sieć EURES, dowiesz się, gdzie sprawdzić oferty pracy w "
        "innych krajach i na co uważać przed wyjazdem.</p>",
    ),
]
# Fictitious direct phones of the demo counsellors.
PHONES = {"doradca1": "+48 12 000 00 01", "doradca2": "+48 12 000 00 02"}
# Which of the five places (by city) each demo counsellor works at.
WORKPLACES = {
    "doradca1": ("Kraków", "Miechów"),
    "doradca2": ("Tarnów", "Nowy Sącz", "Oświęcim"),
}
WEEKS = 6
SLOT_HOURS = (9, 10, 11, 12, 13)
REMOTE_HOUR = 13


def _publish(page):
    page.save_revision().publish()
    return page


def locations_ensure() -> list[Location]:
    places = []
    for order, (name, city, address, postal_code) in enumerate(LOCATIONS):
        place, _created = Location.objects.get_or_create(
            city=city,
            defaults={
                "name": name,
                "address": address,
                "postal_code": postal_code,
                "opening_hours": HOURS,
                "sort_order": order,
            },
        )
        places.append(place)
    return places


def catalogue_ensure():
    home = HomePage.objects.first()
    if home is None:
        return None, {}
    index = CounsellingIndexPage.objects.first()
    if index is None:
        index = CounsellingIndexPage(**INDEX)
        home.add_child(instance=index)
        _publish(index)
    services = {}
    for slug, title, kind, minutes, summary, body in SERVICES:
        page = ServicePage.objects.filter(slug=slug).first()
        if page is None:
            page = ServicePage(
                title=title,
                slug=slug,
                kind=kind,
                duration_minutes=minutes,
                summary=summary,
                body=body,
            )
            index.add_child(instance=page)
            _publish(page)
        services[slug] = page
    _menu_link(index)
    return index, services


def _menu_link(index) -> None:
    """Add the section to the main menu once; never change an editor's links."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    navigation = NavigationSettings.for_site(site)
    menu = list(navigation.main_menu.raw_data)
    if any(item["value"].get("page") == index.pk for item in menu):
        return
    menu.append(
        {"type": "link", "value": {"label": index.title, "page": index.pk, "url": ""}}
    )
    navigation.main_menu = menu
    navigation.save()


def staff_ensure(places) -> list[Counsellor]:
    """The demo staff, without passwords: `create_staff_accounts` sets them."""
    by_city = {place.city: place for place in places}
    counsellors = []
    for role, mailbox, first_name, last_name in STAFF_ACCOUNTS:
        if role not in (COUNSELLOR, CENTRE_MANAGER):
            continue
        user = User.objects.filter(email=f"{mailbox}@{DEFAULT_DOMAIN}").first()
        if user is None:
            user = User(
                email=f"{mailbox}@{DEFAULT_DOMAIN}",
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            user.groups.set(Group.objects.filter(name=role))
            EmailAddress.objects.get_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
        if role != COUNSELLOR:
            continue
        counsellor, created = Counsellor.objects.get_or_create(
            user=user, defaults={"phone": PHONES.get(mailbox, "")}
        )
        if created:
            counsellor.locations.set([by_city[c] for c in WORKPLACES.get(mailbox, ())])
        counsellors.append(counsellor)
    return counsellors


def _working_days(today, weeks=WEEKS):
    day = today + timedelta(days=1)
    while day <= today + timedelta(weeks=weeks):
        if rules.is_working_day(day):
            yield day
        day += timedelta(days=1)


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=rules.WARSAW)


def slots_top_up(counsellors, today) -> int:
    """Hourly free times 9:00–14:00 on working days; the last hour is remote."""
    new = []
    for counsellor in counsellors:
        places = list(counsellor.locations.order_by("sort_order"))
        taken = set(
            Slot.objects.filter(
                counsellor=counsellor, starts_at__gte=_at(today, 0)
            ).values_list("starts_at", flat=True)
        )
        for number, day in enumerate(_working_days(today)):
            place = places[number % len(places)] if places else None
            for hour in SLOT_HOURS:
                starts_at = _at(day, hour)
                if starts_at in taken:
                    continue
                remote = hour == REMOTE_HOUR or place is None
                new.append(
                    Slot(
                        counsellor=counsellor,
                        location=None if remote else place,
                        starts_at=starts_at,
                        ends_at=starts_at + timedelta(hours=1),
                    )
                )
    Slot.objects.bulk_create(new)
    return len(new)


def workshops_top_up(services, places, counsellors, today, now) -> int:
    """Each topic has one or two future dates within six weeks, at 10:00–13:00."""
    if not counsellors:
        return 0
    days = list(_working_days(today))
    created = 0
    topics = [page for page in services.values() if page.kind == ServiceKind.WORKSHOP]
    for number, service in enumerate(topics):
        wanted = 1 + number % 2
        future = Workshop.objects.filter(
            service=service,
            starts_at__gt=now,
            status=Workshop.Status.SCHEDULED,
        ).count()
        for turn in range(future, wanted):
            day = days[min(len(days) - 1, 3 + number * 3 + turn * 12)]
            leader = counsellors[(number + turn) % len(counsellors)]
            leader_places = list(leader.locations.order_by("sort_order")) or places
            Workshop.objects.create(
                service=service,
                location=leader_places[(number + turn) % len(leader_places)],
                leader=leader,
                starts_at=_at(day, 10),
                ends_at=_at(day, 13),
                capacity=8 + (number * 2 + turn) % 5,
                min_participants=4,
            )
            created += 1
    return created


class Command(BaseCommand):
    help = (
        "Create the counselling centre's demo data where missing: five places, the "
        "catalogue, counsellors, free times and workshops for the next six weeks."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        now = timezone.now()
        today = rules.local_date(now)
        places = locations_ensure()
        index, services = catalogue_ensure()
        if index is None:
            self.stderr.write("No home page: run load_demo_content first.")
            return
        counsellors = staff_ensure(places)
        slots = slots_top_up(counsellors, today)
        workshops = workshops_top_up(services, places, counsellors, today, now)
        self.stdout.write(
            f"Counselling demo in place: {len(places)} places, {len(services)} "
            f"services, {len(counsellors)} counsellors; added {slots} free times "
            f"and {workshops} workshop dates."
        )
