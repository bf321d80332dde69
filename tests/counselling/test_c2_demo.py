"""The counselling demo loader: alive on a fresh machine, nothing twice."""

import pytest
from django.core.management import call_command

from counselling.models import (
    CounsellingIndexPage,
    Counsellor,
    Location,
    ServicePage,
    Slot,
    Workshop,
)
from portal.accounts.models import User
from portal.pages.demo import demo_content_load
from portal.pages.models import NavigationSettings

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_tops_up_only(offices):
    demo_content_load()

    call_command("load_counselling_demo")
    counts = (
        Location.objects.count(),
        ServicePage.objects.count(),
        Counsellor.objects.count(),
        Slot.objects.count(),
        Workshop.objects.count(),
    )
    call_command("load_counselling_demo")

    assert counts[:3] == (5, 8, 2)
    assert counts[3] > 100 and 6 <= counts[4] <= 12
    assert (
        Location.objects.count(),
        ServicePage.objects.count(),
        Counsellor.objects.count(),
        Slot.objects.count(),
        Workshop.objects.count(),
    ) == counts
    krakow = Location.objects.get(city="Kraków")
    assert krakow.address == "Plac na Stawach 1" and krakow.postal_code == "30-107"
    assert Location.objects.get(city="Tarnów").phone == ""
    manager = User.objects.get(email="kierownik-cpz@kompetencjedlapracy.pl")
    assert not manager.has_usable_password()
    assert manager.has_perm("counselling.manage_centre")
    assert Slot.objects.filter(location__isnull=True).exists()
    index = CounsellingIndexPage.objects.get(slug="poradnictwo-zawodowe")
    menu = NavigationSettings.objects.get().main_menu.raw_data
    assert sum(item["value"]["page"] == index.pk for item in menu) == 1
