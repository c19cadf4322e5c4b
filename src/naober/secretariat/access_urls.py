"""Roles and secrecy pages of the secretariat, included from `secretariat/urls.py`."""

from django.urls import path

from naober.secretariat.views import roles, secrecy

item = "<slug:cooperation>/vergaderingen/<int:pk>/agenda/<int:item>/"
rollen = "<slug:cooperation>/rollen/"

urlpatterns = [
    path(item + "geheimhouding/", secrecy.item_secrecy, name="item-secrecy"),
    path(item + "geheimhouding/opheffen/", secrecy.item_secrecy_lift, name="item-secrecy-lift"),
    path(rollen, roles.roles, name="roles"),
    path(rollen + "toekennen/", roles.role_grant_view, name="role-grant"),
    path(rollen + "<int:pk>/intrekken/", roles.role_revoke_view, name="role-revoke"),
    path(rollen + "griffier/<int:pk>/intrekken/", roles.clerk_revoke_view, name="clerk-revoke"),
    path(rollen + "koppelen/", roles.person_link_view, name="person-link"),
    path(rollen + "personen/<int:pk>/ontkoppelen/", roles.person_unlink_view, name="person-unlink"),
]
