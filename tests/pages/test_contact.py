import pytest
from django.core import mail

from portal.pages.models import ContactMessage, ContactPage
from portal.pages.views import CONTACT_LIMIT

pytestmark = pytest.mark.django_db
URL = "/kontakt/"
DATA = {
    "name": "Ewa Łączna",
    "email": "ewa@example.org",
    "message": "Jak zmienić urząd pracy w moich danych?",
}


def test_the_contact_page_shows_the_form_and_the_information_notice(
    client, site_content
):
    assert isinstance(site_content["kontakt"], ContactPage)
    html = client.get(URL).content.decode()
    assert 'name="message"' in html
    assert "ochronadanych@wup-krakow.pl" in html


def test_a_message_is_kept_and_mailed_to_staff(client, site_content, settings):
    settings.CONTACT_RECIPIENTS = ["kontakt@kompetencjedlapracy.pl"]

    response = client.post(URL, DATA)

    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert stored.email == "ewa@example.org"
    message = mail.outbox[-1]
    assert message.to == ["kontakt@kompetencjedlapracy.pl"]
    assert message.reply_to == ["ewa@example.org"]
    assert DATA["message"] in message.body


def test_a_missing_field_shows_its_message_and_keeps_the_rest(client, site_content):
    response = client.post(URL, {**DATA, "email": ""})

    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert 'value="Ewa Łączna"' in html
    assert DATA["message"] in html
    assert not ContactMessage.objects.exists()


def test_the_honeypot_catches_bots_quietly(client, site_content):
    response = client.post(URL, {**DATA, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_sending_is_rate_limited_per_address(client, site_content):
    for _ in range(CONTACT_LIMIT[0]):
        client.post(URL, DATA)
    response = client.post(URL, DATA)
    assert response.status_code == 200
    assert ContactMessage.objects.count() == CONTACT_LIMIT[0]
