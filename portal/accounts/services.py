"""Writes that concern accounts and offices."""

import csv
import secrets
import string
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import LegalAcceptance, LegalDocument, PupOffice, User
from .roles import STAFF_ROLES

OFFICES_CSV = Path(__file__).resolve().parent / "data" / "pup_malopolska.csv"


# Learners ---------------------------------------------------------------------


@transaction.atomic
def user_complete_signup(
    *,
    user: User,
    status: str,
    pup_office: PupOffice,
    terms_version: str,
    privacy_version: str,
) -> User:
    """Store what signup asks beyond allauth's fields and record the acceptances."""
    user.status = status
    user.pup_office = pup_office
    user.save(update_fields=["status", "pup_office"])
    legal_documents_accept(
        user=user,
        documents={
            LegalDocument.TERMS: terms_version,
            LegalDocument.PRIVACY: privacy_version,
        },
    )
    return user


@transaction.atomic
def legal_documents_accept(*, user: User, documents: dict[str, str]) -> None:
    """Record that a person accepted the given versions ({document: version})."""
    now = timezone.now()
    for document, version in documents.items():
        LegalAcceptance.objects.get_or_create(
            user=user, document=document, version=version, defaults={"accepted_at": now}
        )


@transaction.atomic
def user_update_details(
    *,
    user: User,
    first_name: str,
    last_name: str,
    status: str | None = None,
    pup_office: PupOffice | None = None,
) -> User:
    """Rectify a person's own data; staff accounts carry no status or office."""
    user.first_name = first_name
    user.last_name = last_name
    fields = ["first_name", "last_name"]
    if user.is_learner:
        user.status = status
        user.pup_office = pup_office
        fields += ["status", "pup_office"]
    user.save(update_fields=fields)
    return user


# Offices ----------------------------------------------------------------------


@dataclass
class OfficeLoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def pup_offices_load(*, path: Path = OFFICES_CSV) -> OfficeLoadResult:
    """Create or update offices from the CSV; running it twice changes nothing.

    Offices are matched by code, so edits made in the admin to fields the file does
    not carry (the active flag) survive a reload.
    """
    result = OfficeLoadResult()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Main offices first, so that every branch finds its parent.
    rows.sort(key=lambda row: bool(row["parent_code"]))
    for row in rows:
        values = {
            "name": row["name"].strip(),
            "town": row["town"].strip(),
            "area": row["area"].strip(),
            "name_verified": row["verified"].strip() == "yes",
            "parent": (
                PupOffice.objects.get(code=row["parent_code"].strip())
                if row["parent_code"].strip()
                else None
            ),
        }
        office = PupOffice.objects.filter(code=row["code"].strip()).first()
        if office is None:
            PupOffice.objects.create(code=row["code"].strip(), **values)
            result.created += 1
            continue
        changed = [
            name for name, value in values.items() if getattr(office, name) != value
        ]
        if changed:
            for name in changed:
                setattr(office, name, values[name])
            office.save(update_fields=changed)
            result.updated += 1
        else:
            result.unchanged += 1
    return result


# Staff ------------------------------------------------------------------------

PASSWORD_ALPHABET = string.ascii_letters + string.digits + "-_.!?"


def password_generate(length: int = 20) -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))


@transaction.atomic
def staff_account_create(
    *, email: str, first_name: str, last_name: str, role: str | None = None
):
    """Create (or reset) a staff account; return it with a new generated password.

    With a role the account joins that role's group; without one it is a full
    administrator. The e-mail counts as verified: the account is handed to a person
    who sets up the second factor at the first sign-in to the admin.
    """
    from allauth.account.models import EmailAddress

    if role is not None and role not in STAFF_ROLES:
        raise ValueError(f"Unknown role: {role}")
    password = password_generate()
    user, _created = User.objects.get_or_create(
        email=email.lower(),
        defaults={"first_name": first_name, "last_name": last_name},
    )
    user.is_staff = True
    user.is_superuser = role is None
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name=role) if role else [])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, password
