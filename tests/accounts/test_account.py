"""The account page: who am I, my roles, two-factor status, password."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from naober.accounts.models import CooperationRole, User
from tests.accounts.conftest import PASSWORD
from tests.factories import CooperationFactory, second_factor_give, verified_login

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    assert client.get("/account/")["Location"] == "/aanmelden/?next=/account/"


def test_the_account_page_shows_the_roles_per_cooperation(client: Client, editor: User) -> None:
    CooperationRole.objects.create(
        user=editor,
        cooperation=CooperationFactory(name="Regio Anders", short_name="Anders"),
        role=CooperationRole.Role.ADMINISTRATOR,
    )
    second_factor_give(editor, recovery_codes=("1234567890",))
    verified_login(client, editor)
    response = client.get("/account/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "secretaris" in html and "secretaris@example.org" in html
    assert "Regio Voorbeeld" in html and "Redacteur secretariaat" in html
    assert "Anders" in html and "Beheerder samenwerkingsverband" in html
    assert "U heeft 1 ongebruikte herstelcode." in html
    assert "verplicht voor uw rollen" in html
    assert reverse("password_change") in html and reverse("logout") in html


def test_a_user_without_roles_is_told_so_and_can_enrol(client: Client, reader: User) -> None:
    client.force_login(reader)
    html = client.get("/account/").content.decode()
    assert "U heeft geen rollen in een samenwerkingsverband." in html
    assert reverse("otp-enrol") in html


def test_change_the_password(client: Client, reader: User) -> None:
    client.force_login(reader)
    page = client.get(reverse("password_change")).content.decode()
    assert 'autocomplete="current-password"' in page and 'autocomplete="new-password"' in page
    too_short = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "kort", "new_password2": "kort"},
    )
    assert too_short.status_code == 200
    assert re.search(r'aria-describedby="[^"]*id_new_password2-error"', too_short.content.decode())
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "een veel langer wachtwoord",
            "new_password2": "een veel langer wachtwoord",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/account/"
    assert "Uw wachtwoord is gewijzigd." in response.content.decode()
    reader.refresh_from_db()
    assert reader.check_password("een veel langer wachtwoord")
    assert client.get("/account/").status_code == 200  # still signed in
