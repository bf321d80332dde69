"""The copy of a person's data: a ZIP with a readable index.html and data.json."""

import io
import json
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone

from .registry import providers

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
    """Collect every provider's data and the certificates into one ZIP file."""
    from courses.models import Certificate

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
        for certificate in Certificate.objects.filter(enrollment__user=user):
            if certificate.pdf:
                with certificate.pdf.open("rb") as handle:
                    archive.writestr(
                        f"certyfikaty/{certificate.number}.pdf", handle.read()
                    )
    return buffer.getvalue()
