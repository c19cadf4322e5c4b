"""Two-factor sign-in: who must have it, enrolment, the second step, recovery codes, the admin."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.accounts.models import CooperationRole, User
from naober.accounts.second_factor import second_factor_required
from naober.core.models import AuditEntry
from tests.accounts.conftest import app_code, sign_in
from tests.factories import UserFactory, second_factor_give, verified_login

pytestmark = pytest.mark.django_db

RECOVERY = ("1111122222", "3333344444")


def _codes(html: str) -> list[str]:
    return re.findall(r"<code>(\d{5}-\d{5})</code>", html)


def test_who_must_use_a_second_factor(editor: User, reader: User) -> None:
    assert second_factor_required(user=editor)
    assert not second_factor_required(user=reader)
    assert second_factor_required(user=UserFactory(is_staff=True))
    assert second_factor_required(user=UserFactory(is_superuser=True))
    administrator = UserFactory()
    CooperationRole.objects.create(
        user=administrator,
        cooperation=editor.cooperation_roles.get().cooperation,
        role=CooperationRole.Role.ADMINISTRATOR,
    )
    assert second_factor_required(user=administrator)


def test_an_editor_without_a_device_is_sent_to_enrolment_and_kept_there(client: Client, editor: User) -> None:
    response = sign_in(client, "secretaris", next="/secretariaat/")
    assert response.status_code == 302
    assert response["Location"] == "/account/tweestapsverificatie/?next=%2Fsecretariaat%2F"
    for path in ("/secretariaat/", "/account/", "/beheer/", "/", "/documenten/1/"):
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer["Location"].startswith("/account/tweestapsverificatie/?next="), path
    page = client.get("/account/tweestapsverificatie/?next=/secretariaat/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg role="img" aria-label=' in html and "<path" in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert "<script" not in html.split("</head>")[1] and 'style="' not in html
    # Signing out and switching the language stay possible.
    assert client.post(reverse("logout")).status_code == 302


def test_enrolment_with_the_right_code_confirms_the_device_and_shows_ten_recovery_codes(
    client: Client, editor: User
) -> None:
    client.force_login(editor)
    page = client.get(reverse("otp-enrol")).content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page)
    assert secret and secret.group(1).replace(" ", "") in device.config_url
    old_session = client.session.session_key

    wrong = client.post(reverse("otp-enrol"), {"code": "000000"})
    assert wrong.status_code == 200 and "Deze code klopt niet" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    device.throttle_reset()  # django-otp's own back-off after the wrong code
    response = client.post(reverse("otp-enrol") + "?next=/secretariaat/", {"code": app_code(device)})
    assert response.status_code == 200
    codes = _codes(response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert 'href="/secretariaat/"' in response.content.decode()
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    assert client.session.session_key != old_session  # a new key for the verified session
    assert client.get("/secretariaat/").status_code == 200
    assert (
        AuditEntry.objects.get(object_type="accounts.user", changes={"two_factor": "enrolled"}).channel
        == "web"
    )


def test_a_user_with_a_device_must_pass_the_second_step(client: Client, editor: User) -> None:
    device = second_factor_give(editor)
    response = sign_in(client, "secretaris")
    assert response["Location"].startswith("/aanmelden/verificatie/?next=")
    assert client.get("/secretariaat/")["Location"] == "/aanmelden/verificatie/?next=%2Fsecretariaat%2F"
    assert client.get("/account/tweestapsverificatie/").status_code == 302  # no second enrolment

    page = client.get("/aanmelden/verificatie/?next=/secretariaat/")
    html = page.content.decode()
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in html
    assert 'aria-describedby="id_code_helptext"' in html

    wrong = client.post(reverse("otp-verify"), {"code": "123", "next": "/secretariaat/"})
    assert 'aria-describedby="id_code_helptext id_code-error"' in wrong.content.decode()
    assert 'id="id_code-error"' in wrong.content.decode()

    session_key = client.session.session_key
    response = client.post(reverse("otp-verify"), {"code": app_code(device), "next": "/secretariaat/"})
    assert response.status_code == 302 and response["Location"] == "/secretariaat/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.session.session_key != session_key
    assert client.get("/secretariaat/").status_code == 200


def test_the_second_step_refuses_a_foreign_next_url(client: Client, editor: User) -> None:
    device = second_factor_give(editor)
    sign_in(client, "secretaris")
    response = client.post(reverse("otp-verify"), {"code": app_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/secretariaat/"


def test_a_recovery_code_works_once(client: Client, editor: User) -> None:
    second_factor_give(editor, recovery_codes=RECOVERY)
    sign_in(client, "secretaris")
    response = client.post(reverse("otp-verify"), {"code": "11111-22222"}, follow=True)
    assert response.redirect_chain[0][0] == "/secretariaat/"
    assert "U heeft een herstelcode gebruikt; er is nog 1 over." in response.content.decode()
    client.post(reverse("logout"))

    sign_in(client, "secretaris")
    again = client.post(reverse("otp-verify"), {"code": "1111122222"})
    assert again.status_code == 200 and "Deze code klopt niet" in again.content.decode()
    assert client.get("/secretariaat/").status_code == 302


def test_the_admin_needs_a_verified_session(client: Client) -> None:
    staff = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get("/beheer/")["Location"].startswith("/account/tweestapsverificatie/")
    second_factor_give(staff)
    assert client.get("/beheer/")["Location"].startswith("/aanmelden/verificatie/")
    verified_login(client, staff)
    assert client.get("/beheer/").status_code == 200


def test_the_admin_site_itself_refuses_an_unverified_session(editor: User, rf) -> None:
    from django.contrib import admin

    staff = UserFactory(is_staff=True, is_superuser=True)
    request = rf.get("/beheer/")
    request.user = staff
    staff.is_verified = lambda: False
    assert not admin.site.has_permission(request)
    staff.is_verified = lambda: True
    assert admin.site.has_permission(request)


def test_the_admin_login_page_hands_over_to_ours(client: Client) -> None:
    response = client.get("/beheer/login/?next=/beheer/")
    assert response["Location"] == "/aanmelden/?next=%2Fbeheer%2F"
    assert client.get("/beheer/")["Location"].startswith("/beheer/login/")


def test_users_without_such_a_role_are_not_asked_for_a_second_factor(client: Client, reader: User) -> None:
    response = sign_in(client, "lezer", next="/account/")
    assert response["Location"] == "/account/"
    assert client.get("/account/").status_code == 200


def test_voluntary_enrolment_then_the_second_step_is_required_until_switched_off(
    client: Client, reader: User
) -> None:
    client.force_login(reader)
    client.get(reverse("otp-enrol"))
    device = TOTPDevice.objects.get(user=reader)
    response = client.post(reverse("otp-enrol"), {"code": app_code(device)})
    codes = _codes(response.content.decode())
    assert 'href="/account/"' in response.content.decode()
    client.post(reverse("logout"))

    assert sign_in(client, "lezer")["Location"].startswith("/aanmelden/verificatie/")
    client.post(reverse("otp-verify"), {"code": codes[0]})
    page = client.get("/account/").content.decode()
    assert "Tweestapsverificatie uitzetten" in page
    assert "U heeft 9 ongebruikte herstelcodes." in page

    refused = client.post(reverse("otp-remove"), {"code": "000000"})
    assert "Deze code klopt niet." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=reader).exists()
    device.refresh_from_db()
    device.throttle_reset()
    removed = client.post(reverse("otp-remove"), {"code": codes[1]}, follow=True)
    assert "Tweestapsverificatie staat uit." in removed.content.decode()
    assert not TOTPDevice.objects.filter(user=reader).exists()
    assert not StaticToken.objects.filter(device__user=reader).exists()
    client.post(reverse("logout"))
    assert sign_in(client, "lezer")["Location"] == "/secretariaat/"


def test_a_required_second_factor_cannot_be_switched_off(client: Client, editor: User) -> None:
    verified_login(client, editor)
    second_factor_give(editor, recovery_codes=RECOVERY)
    response = client.post(reverse("otp-remove"), {"code": "1111122222"}, follow=True)
    assert "verplicht voor uw rollen" in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()
    assert StaticToken.objects.filter(device__user=editor).count() == 2
    assert "Tweestapsverificatie uitzetten" not in client.get("/account/").content.decode()


def test_new_recovery_codes_replace_the_old_ones(client: Client, editor: User) -> None:
    verified_login(client, editor)
    second_factor_give(editor, recovery_codes=RECOVERY)
    response = client.post(reverse("otp-recovery-codes"))
    codes = _codes(response.content.decode())
    assert len(codes) == 10
    tokens = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert tokens == {code.replace("-", "") for code in codes}
    assert client.get(reverse("otp-recovery-codes")).status_code == 405


def test_the_admin_lets_a_device_be_removed_but_never_shows_a_key(client: Client, editor: User) -> None:
    staff = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    verified_login(client, staff)
    device = second_factor_give(editor, recovery_codes=RECOVERY)
    listing = client.get("/beheer/otp_totp/totpdevice/")
    assert listing.status_code == 200 and "secretaris" in listing.content.decode()
    detail = client.get(f"/beheer/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in detail
    static = client.get("/beheer/otp_static/staticdevice/").content.decode()
    assert RECOVERY[0] not in static


def test_htmx_requests_are_told_to_load_the_second_step_as_a_page(client: Client, editor: User) -> None:
    second_factor_give(editor)
    client.force_login(editor)
    response = client.post("/secretariaat/regio-voorbeeld/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == "/aanmelden/verificatie/"


def test_the_demo_second_factor_is_refused_in_production(editor: User, settings) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from naober.accounts.services import user_ensure_demo_second_factor

    settings.NAOBER_ENV = "production"
    with pytest.raises(ImproperlyConfigured):
        user_ensure_demo_second_factor(user=editor)
    assert not TOTPDevice.objects.filter(user=editor).exists()
