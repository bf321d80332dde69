import csv

import pytest
from django.db import IntegrityError

from portal.accounts.models import PupOffice
from portal.accounts.services import OFFICES_CSV, pup_offices_load

pytestmark = pytest.mark.django_db


def test_loader_creates_every_office_and_links_branches_to_their_office():
    result = pup_offices_load()

    with open(OFFICES_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert result.created == len(rows) == PupOffice.objects.count()
    tuchow = PupOffice.objects.get(code="pup-tarnow-tuchow")
    assert tuchow.parent.code == "pup-tarnow"
    assert set(tuchow.parent.branches.values_list("code", flat=True)) == {
        "pup-tarnow-tuchow",
        "pup-tarnow-zabno",
    }
    assert PupOffice.objects.get(code="pup-brzesko").name_verified is False
    assert PupOffice.objects.get(code="gup-krakow").name_verified is True


def test_loading_twice_changes_nothing_and_keeps_admin_decisions():
    pup_offices_load()
    PupOffice.objects.filter(code="pup-olkusz").update(is_active=False)

    result = pup_offices_load()

    assert (result.created, result.updated) == (0, 0)
    assert PupOffice.objects.get(code="pup-olkusz").is_active is False


def test_loader_corrects_a_name_changed_in_the_file(tmp_path):
    pup_offices_load()
    source = OFFICES_CSV.read_text(encoding="utf-8")
    changed = tmp_path / "offices.csv"
    changed.write_text(
        source.replace(
            "Urząd Pracy Powiatu Krakowskiego",
            "Urząd Pracy Powiatu Krakowskiego – siedziba",
        ),
        encoding="utf-8",
    )

    result = pup_offices_load(path=changed)

    assert result.updated == 1
    assert PupOffice.objects.get(code="upp-krakow").name.endswith("siedziba")


def test_an_office_cannot_be_its_own_parent():
    office = PupOffice.objects.create(code="x", name="X", town="X")
    with pytest.raises(IntegrityError):
        PupOffice.objects.filter(pk=office.pk).update(parent=office)
