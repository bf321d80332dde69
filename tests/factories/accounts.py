import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.accounts.models import PupOffice, User


class PupOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PupOffice
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"pup-test-{n}")
    name = factory.Sequence(lambda n: f"Powiatowy Urząd Pracy nr {n}")
    town = "Kraków"
    area = "powiat testowy"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Nowak-{n}")
    status = User.Status.UNEMPLOYED
    pup_office = factory.SubFactory(PupOfficeFactory)
    password = factory.django.Password("Haslo-testowe-123")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )

    @factory.post_generation
    def accepted_documents(self, create, extracted, **kwargs):
        """Learners accept the versions in force at signup; pass False to skip."""
        if create and extracted is not False and not self.is_staff:
            from portal.accounts.services import legal_documents_accept
            from privacy.selectors import legal_settings

            legal = legal_settings()
            legal_documents_accept(
                user=self,
                documents={
                    "terms": legal.terms_version,
                    "privacy": legal.privacy_version,
                },
            )


class StaffFactory(UserFactory):
    status = ""
    pup_office = None
    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
