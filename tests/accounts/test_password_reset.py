"""Password reset by e-mail: the same answer for every address, a link that works once and expires."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from naober.accounts.models import SignInLockout, User
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een nieuw en lang wachtwoord"


def _ask(client: Client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_the_reset_pages_are_dutch_and_linked_from_sign_in(client: Client) -> None:
    assert reverse("password_reset") == "/wachtwoord-vergeten/"
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()
    assert "Wachtwoord vergeten?" in client.get(reverse("password_reset")).content.decode()


def test_a_known_address_gets_a_mail_with_a_link_on_the_site_url(
    client: Client, reader: User, settings: Settings
) -> None:
    settings.NAOBER_SITE_URL = "https://regio.example.nl"
    response = _ask(client, "lezer@example.org")
    assert response["Location"] == "/wachtwoord-vergeten/verzonden/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lezer@example.org"]
    assert message.subject == "Stel een nieuw wachtwoord in voor naober"
    assert "https://regio.example.nl/wachtwoord-vergeten/" in message.body
    assert "1 dag" in message.body or "24 uur" in message.body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client, reader: User) -> None:
    known = _ask(client, "lezer@example.org")
    unknown = _ask(client, "onbekend@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    page = client.get(known["Location"]).content.decode()
    assert "Als het adres bij een account hoort" in page


def test_the_link_sets_a_new_password_once_and_lifts_a_lock_out(client: Client, reader: User) -> None:
    for _ in range(5):
        sign_in(client, "lezer", "wrong password")
    assert sign_in(client, "lezer").status_code == 429
    _ask(client, "lezer@example.org")
    link = re.search(r"https?://[^/]+(/wachtwoord-vergeten/[^\s]+/)", mail.outbox[0].body)
    assert link
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200 and 'autocomplete="new-password"' in form.content.decode()
    form_url = form.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/wachtwoord-vergeten/klaar/"
    reader.refresh_from_db()
    assert reader.check_password(NEW_PASSWORD)
    assert not SignInLockout.objects.filter(key="lezer", until__gt=timezone.now()).exists()
    assert sign_in(client, "lezer", NEW_PASSWORD).status_code == 302  # the lock-out is lifted
    client.post(reverse("logout"))
    again = client.get(link.group(1), follow=True).content.decode()
    assert "Deze link werkt niet (meer)" in again


def test_a_broken_link_is_refused(client: Client, reader: User) -> None:
    page = client.get("/wachtwoord-vergeten/MQ/abc-123/", follow=True).content.decode()
    assert "Deze link werkt niet (meer)" in page
