"""The ZIP of a person's data: a readable index.html and a documented data.json.

A copy of data (RODO art. 15(3)) holds every provider's data, the files kept for
the person (certificates) and the art. 15 information. Data to take elsewhere
(art. 20) holds only what each provider declares `portable`.
"""

import io
import json
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.mail import email_send

from . import readable
from .information import information_sections, processing_information
from .models import DataExport
from .registry import providers
from .selectors import retention_periods

FORMAT_NAME = "kompetencjedlapracy.pl/dane-osobowe"
FORMAT_VERSION = 2
TEMPLATES = {
    DataExport.Kind.COPY: "privacy/export_index.html",
    DataExport.Kind.PORTABILITY: "privacy/portability_index.html",
}
FILE_NAMES = {
    DataExport.Kind.COPY: "kopia-danych",
    DataExport.Kind.PORTABILITY: "dane-do-przeniesienia",
}


def _parts(user, kind) -> list:
    """(provider, data) for each part, the account first."""
    ordered = sorted(providers(), key=lambda provider: -provider.erase_order)
    parts = []
    for provider in ordered:
        if kind == DataExport.Kind.PORTABILITY:
            if not provider.portable:
                continue
            exported = provider.export(user)
            data = {key: exported[key] for key in provider.portable}
        else:
            data = provider.export(user)
        parts.append((provider, data))
    return parts


def _format(kind) -> dict:
    return {
        "name": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kind": kind,
        "standard": _(
            "JSON (RFC 8259) in UTF-8; dates and times in ISO 8601 with the offset "
            "from UTC; yes/no as true/false; nothing as null"
        ),
        "description": _(
            "The data are grouped by part of the portal under data; "
            "field_descriptions gives the meaning of every key of each part."
        ),
    }


def export_content(user, kind=DataExport.Kind.COPY) -> dict:
    """What goes into the ZIP's data.json, and the context of its index.html."""
    parts = _parts(user, kind)
    generated_at = timezone.now()
    data = {
        "format": _format(kind),
        "generated_at": generated_at.isoformat(),
        "data": {provider.label: part for provider, part in parts},
        "field_descriptions": {
            provider.label: readable.field_descriptions(part, provider.labels or {})
            for provider, part in parts
        },
    }
    context = {
        "user": user,
        "generated_at": generated_at,
        "sections": [
            {
                "id": provider.key,
                "label": provider.label,
                "rows": readable.node(part, provider.labels or {})["rows"],
            }
            for provider, part in parts
        ],
    }
    if kind == DataExport.Kind.COPY:
        information = processing_information()
        data["information_art_15"] = information
        context["information"] = information_sections(information)
    return {"data": data, "context": context}


def build_export(user, kind=DataExport.Kind.COPY) -> bytes:
    """Collect every provider's data (and, for a copy, files) into one ZIP file."""
    with translation.override(settings.LANGUAGE_CODE):
        content = export_content(user, kind)
        index = render_to_string(TEMPLATES[kind], content["context"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            json.dumps(content["data"], ensure_ascii=False, indent=2, default=str),
        )
        archive.writestr("index.html", index)
        if kind == DataExport.Kind.COPY:
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
    content = build_export(export.user, export.kind)
    with transaction.atomic():
        export = DataExport.objects.select_for_update().get(pk=export_id)
        if export.ready_at:
            return "already ready"
        export.file.save(
            f"{FILE_NAMES[export.kind]}-{export.pk}.zip",
            ContentFile(content),
            save=False,
        )
        export.ready_at = timezone.now()
        days = retention_periods().data_export_days
        export.expires_at = export.ready_at + timedelta(days=days)
        export.save(update_fields=["file", "ready_at", "expires_at"])
        # The answer to the person's own request: it goes out under a restriction too.
        email_send(
            template="privacy/email/export_ready",
            to=export.user.email,
            context={
                "export": export,
                "path": reverse("privacy:export", args=[export.pk]),
            },
            essential=True,
        )
    return "built"
