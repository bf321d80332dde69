"""Requests filed without an account: nobody can block, probe or flood them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from privacy.models import DataRequest
from privacy.services import requests as services
from privacy.services import retention
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

CONFIRM_LINK = r"/wniosek-rodo/potwierdz/\S+/"


def file_public(client, email, kind="erasure", address="198.51.100.7", **extra):
    data = {"name": "Ktoś", "email": email, "kind": kind, **extra}
    return client.post(reverse("privacy:public_request"), data, REMOTE_ADDR=address)


def sent(response) -> bool:
    return "privacy/request_sent.html" in {t.name for t in response.templates}


def page_templates(response) -> list[str]:
    """The page's templates, without those of the e-mail the request rendered."""
    return [t.name for t in response.templates if "/email/" not in t.name]


def page_text(response) -> str:
    """The page without what differs on every render (CSRF tokens)."""
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_strangers_unconfirmed_request_does_not_block_the_persons_own(
    client, learner
):
    file_public(client, learner.email, kind="erasure", address="203.0.113.66")
    assert DataRequest.objects.get().status == "unconfirmed"

    client.force_login(learner)
    response = client.post(reverse("privacy:my_requests"), {"kind": "erasure"})

    assert response.status_code == 302
    own = DataRequest.objects.get(user=learner)
    assert own.kind == "erasure" and own.status == "received"


def test_a_strangers_unconfirmed_request_does_not_block_the_public_form_either(
    client, site_content
):
    file_public(client, "ofiara@example.org", address="203.0.113.66")
    mail.outbox.clear()

    file_public(client, "ofiara@example.org", address="198.51.100.7")

    assert DataRequest.objects.filter(status="unconfirmed").count() == 2
    path = re.search(CONFIRM_LINK, mail.outbox[-1].body).group(0)
    client.post(path)
    assert DataRequest.objects.filter(status="received").count() == 1


def test_the_forms_answer_is_the_same_whether_or_not_a_request_is_open(client, learner):
    open_request = services.data_request_create(user=learner, kind="copy")
    mail.outbox.clear()

    with_open = file_public(client, learner.email, kind="copy")
    without = file_public(client, "nikt@example.org", kind="copy")

    assert with_open.status_code == without.status_code == 200
    assert page_templates(with_open) == page_templates(without)
    assert page_text(with_open) == page_text(without)
    # Only the mailbox learns the difference: no second request, but a notice.
    assert DataRequest.objects.filter(requester_email=learner.email).count() == 1
    told, link = mail.outbox
    assert told.to == [learner.email] and not re.search(CONFIRM_LINK, told.body)
    assert open_request.due_at.strftime("%Y") in told.body
    assert link.to == ["nikt@example.org"] and re.search(CONFIRM_LINK, link.body)


def test_a_confirmation_after_another_was_confirmed_counts_the_open_one(
    client, site_content
):
    file_public(client, "jan@example.org", kind="copy")
    file_public(client, "jan@example.org", kind="copy")
    first, second = (re.search(CONFIRM_LINK, m.body).group(0) for m in mail.outbox)

    client.post(first)
    response = client.post(second)

    assert DataRequest.objects.filter(kind="copy").count() == 1
    assert "jest otwarty od" in response.content.decode()


def test_the_public_form_is_limited_per_client_address(client, site_content):
    limit, _window = services.PUBLIC_LIMIT_PER_CLIENT
    for number in range(limit):
        assert sent(file_public(client, f"osoba{number}@example.org"))

    refused = file_public(client, "jeszcze@example.org", details="Moje uwagi")

    html = refused.content.decode()
    assert "zbyt wiele wniosków" in html
    assert 'value="jeszcze@example.org"' in html and "Moje uwagi" in html
    assert not DataRequest.objects.filter(requester_email="jeszcze@example.org")
    assert sent(file_public(client, "jeszcze@example.org", address="192.0.2.10"))


def test_the_public_form_is_limited_per_target_email(client, site_content):
    limit, _window = services.PUBLIC_LIMIT_PER_EMAIL
    for number in range(limit):
        file_public(client, "Cel@Example.org", address=f"192.0.2.{number + 1}")
    mails = len(mail.outbox)

    refused = file_public(client, "cel@example.org", address="192.0.2.200")

    assert "zbyt wiele wniosków" in refused.content.decode()
    assert len(mail.outbox) == mails
    assert sent(file_public(client, "inny@example.org", address="192.0.2.200"))


def test_unconfirmed_requests_expire_with_their_link(client, site_content):
    file_public(client, "stary@example.org")
    file_public(client, "nowy@example.org")
    confirmed = services.data_request_create(user=UserFactory(), kind="copy")
    old = DataRequest.objects.get(requester_email="stary@example.org")
    DataRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(hours=49)
    )

    done = retention.retention_run()

    assert done["unconfirmed_requests"] == 1
    assert set(DataRequest.objects.values_list("requester_email", flat=True)) == {
        "nowy@example.org",
        confirmed.requester_email,
    }


def test_the_link_of_a_request_deleted_unconfirmed_says_it_has_expired(
    client, site_content
):
    file_public(client, "jan@example.org")
    path = re.search(CONFIRM_LINK, mail.outbox[-1].body).group(0)
    DataRequest.objects.all().delete()

    response = client.post(path)

    assert response.status_code == 410


def test_the_pages_give_the_links_validity_from_the_retention_settings(
    client, site_content
):
    from privacy.selectors import retention_periods

    periods = retention_periods()
    periods.request_confirmation_hours = 24
    periods.save()

    response = file_public(client, "jan@example.org")

    assert "przez 24 godziny" in response.content.decode()
    assert "w ciągu 24 godzin" in mail.outbox[-1].body


def test_the_public_form_is_linked_from_the_footer_and_the_pages_about_data(
    client, site_content
):
    url = reverse("privacy:public_request")
    for path in ("/", "/polityka-prywatnosci/", "/faq/", "/kontakt/"):
        assert f'href="{url}"' in client.get(path).content.decode(), path
    for path in ("/polityka-prywatnosci/", "/faq/", "/kontakt/"):
        html = client.get(path).content.decode()
        assert html.count(f'href="{url}"') >= 2, path  # the page itself and footer
