from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PupOfficeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_signup(self):
        return self.active().select_related("parent").order_by("name")


class PupOffice(models.Model):
    """A county labour office (PUP) or one of its branches."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    town = models.CharField(_("town"), max_length=100)
    area = models.CharField(_("area served"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
        help_text=_("Fill in only for a branch: the office it belongs to."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "An inactive office is not offered at signup but stays on the accounts "
            "that chose it."
        ),
    )
    name_verified = models.BooleanField(
        _("name verified"),
        default=False,
        help_text=_("The official name has been confirmed against a public source."),
    )

    objects = PupOfficeQuerySet.as_manager()

    class Meta:
        verbose_name = _("labour office")
        verbose_name_plural = _("labour offices")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="pupoffice_not_own_parent",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id and self.parent.parent_id:
            raise ValidationError(
                {"parent": _("A branch must belong to a main office, not to a branch.")}
            )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An office cannot be its own branch.")})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: a learner registered in a PUP, or a staff member."""

    class Status(models.TextChoices):
        UNEMPLOYED = "unemployed", _("unemployed person")
        JOB_SEEKER = "job_seeker", _("job seeker")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    status = models.CharField(
        _("status in the labour office"),
        max_length=20,
        choices=Status.choices,
        blank=True,
    )
    pup_office = models.ForeignKey(
        PupOffice,
        verbose_name=_("labour office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    processing_restricted = models.BooleanField(
        _("processing restricted (RODO art. 18)"),
        default=False,
        help_text=_(
            "Only storage: no e-mails except about the request, no posting, not in "
            "statistics."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_learner(self):
        return not self.is_staff and not self.is_superuser


class LegalDocument(models.TextChoices):
    TERMS = "terms", _("terms of use")
    PRIVACY = "privacy", _("privacy notice")


class LegalAcceptance(models.Model):
    """A person's acceptance of one version of the terms or the privacy notice."""

    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="legal_acceptances",
    )
    document = models.CharField(
        _("document"), max_length=20, choices=LegalDocument.choices
    )
    version = models.CharField(_("version"), max_length=40)
    accepted_at = models.DateTimeField(_("accepted at"))

    class Meta:
        verbose_name = _("acceptance of a document")
        verbose_name_plural = _("acceptances of documents")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document", "version"],
                name="legalacceptance_unique_per_version",
            )
        ]

    def __str__(self):
        return f"{self.get_document_display()} {self.version}"
