"""The copy of a person's data: a ZIP with a readable index.html and data.json."""

import io
import json
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.core.mail import email_send

from .models import DataExport
from .registry import providers
from .selectors import retention_periods

ART_15_INFORMATION = {
    "administrator": "Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, 30-107 Kraków",
    "data_protection_contact": "ochronadanych@wup-krakow.pl",
    "purposes_and_legal_bases": [
        "prowadzenie konta i udział w kursach – art. 6 ust. 1 lit. b RODO",
        "monitoring, ewaluacja i sprawozdawczość projektu pilotażowego – art. 6 ust. 1 "
        "lit. c RODO",
        "analizy i statystyki, ustalanie i dochodzenie roszczeń – art. 6 ust. 1 lit. f "
        "RODO",
        "pliki cookies analityczne i multimedialne – zgoda, art. 6 ust. 1 lit. a RODO",
    ],
    "recipients": [
        "dostawcy usług informatycznych i hostingu działający na zlecenie administratora",
        "podmioty uprawnione z mocy prawa (np. organy kontroli)",
    ],
    "retention": "przez czas istnienia konta i trwania projektu, a następnie przez okres "
    "archiwizacji wymagany przepisami",
    "source": "dane podane przez Ciebie przy rejestracji i w czasie korzystania z portalu",
    "rights": "dostęp, sprostowanie, usunięcie, ograniczenie przetwarzania, przenoszenie, "
    "sprzeciw; skarga do Prezesa UODO, ul. Stawki 2, 00-193 Warszawa",
}


def build_export(user) -> bytes:
    """Collect every provider's data and files into one ZIP file."""
    sections = {provider.label: provider.export(user) for provider in providers()}
    generated_at = timezone.now()
    data = {
        "generated_at": generated_at.isoformat(),
        "information_art_15": ART_15_INFORMATION,
        "data": sections,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        archive.writestr(
            "index.html",
            render_to_string(
                "privacy/export_index.html",
                {
                    "user": user,
                    "generated_at": generated_at,
                    "information": ART_15_INFORMATION,
                    "sections": {
                        label: json.dumps(
                            values, ensure_ascii=False, indent=2, default=str
                        )
                        for label, values in sections.items()
                    },
                },
            ),
        )
        for provider in providers():
            for name, file in provider.files(user):
                with file.open("rb") as handle:
                    archive.writestr(name, handle.read())
    return buffer.getvalue()


def data_export_build(*, export_id) -> str:
    """Build a copy of data once, store it for its days and tell its owner."""
    export = DataExport.objects.select_related("user").get(pk=export_id)
    if export.ready_at:
        return "already ready"
    content = build_export(export.user)
    with transaction.atomic():
        export = DataExport.objects.select_for_update().get(pk=export_id)
        if export.ready_at:
            return "already ready"
        export.file.save(
            f"kopia-danych-{export.pk}.zip", ContentFile(content), save=False
        )
        export.ready_at = timezone.now()
        days = retention_periods().data_export_days
        export.expires_at = export.ready_at + timedelta(days=days)
        export.save(update_fields=["file", "ready_at", "expires_at"])
        email_send(
            template="privacy/email/export_ready",
            to=export.user.email,
            context={
                "export": export,
                "path": reverse("privacy:export", args=[export.pk]),
            },
        )
    return "built"
