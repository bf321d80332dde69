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


class StaffFactory(UserFactory):
    status = ""
    pup_office = None
    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
