"""Managing who holds which role in a cooperation: grant, revoke, invite, link a user to a person; audited.

The cooperation's administrators (and platform administrators) call these from the secretariat's roles page;
the views check that, these functions keep the invariants (at least one administrator; a person is only
linked by someone who administers every cooperation that person sits in).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from naober.access.models import MunicipalityRole
from naober.accounts.models import CooperationRole, User
from naober.accounts.permissions import is_platform_admin
from naober.core.models import AuditEntry, Channel
from naober.core.services import Actor, audit_record, object_delete, object_save, user_or_none
from naober.governance.models import Body, Person
from naober.registry.models import Cooperation, Municipality


def user_find(*, identifier: str) -> User | None:
    """An account by its user name or e-mail address (case-insensitive)."""
    identifier = identifier.strip()
    if not identifier:
        return None
    return (
        User.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
        .order_by("pk")
        .first()
    )


def password_set_url(user: User) -> str:
    """A one-time link to choose a password, made with Django's password-reset tokens; empty if the site has
    no password-reset page."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    try:
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    except NoReverseMatch:
        return ""
    return settings.NAOBER_SITE_URL + path


def invitation_send(*, user: User, cooperation: Cooperation, inviter: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "cooperation": cooperation,
            "inviter": inviter,
            "username": user.get_username(),
            "url": password_set_url(user),
            "site_url": settings.NAOBER_SITE_URL,
        }
        subject = _("Your account for %(cooperation)s") % {"cooperation": cooperation.name}
        body = render_to_string("access/email/invitation.txt", context)
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]).send()


def user_invite(
    *, email: str, cooperation: Cooperation, by: Actor, channel: str = Channel.SECRETARIAT
) -> User:
    """A new account for `email`, without a password; after commit it gets a link to choose one."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(
            _("Enter the user name or e-mail address of an account, or the e-mail address of someone new.")
        ) from error
    if user_find(identifier=email) is not None:
        raise ValidationError(_("An account with this e-mail address exists already."))
    with transaction.atomic():
        user = User(username=email.lower(), email=email)
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        audit_record(
            instance=user,
            action=AuditEntry.Action.CREATE,
            by=by,
            channel=channel,
            changes={"username": [None, user.username], "email": [None, email], "password": "invitation"},
            cooperation_id=cooperation.pk,
        )
        inviter = by.get_username() if by is not None and by.is_authenticated else ""
        transaction.on_commit(lambda: invitation_send(user=user, cooperation=cooperation, inviter=inviter))
    return user


def role_grant(
    *, cooperation: Cooperation, user: User, role: str, by: Actor, channel: str = Channel.SECRETARIAT
) -> CooperationRole:
    """Give `user` a role in the cooperation; granting a role someone already holds changes nothing."""
    existing = CooperationRole.objects.filter(user=user, cooperation=cooperation, role=role).first()
    if existing is not None:
        return existing
    return object_save(
        instance=CooperationRole(user=user, cooperation=cooperation, role=role), by=by, channel=channel
    )


def role_revoke(*, role: CooperationRole, by: Actor, channel: str = Channel.SECRETARIAT) -> None:
    """Take a role away; the last administrator of a cooperation stays (only a platform administrator may
    remove them), so a cooperation never locks itself out of its own roles."""
    with transaction.atomic():
        if role.role == CooperationRole.Role.ADMINISTRATOR and not is_platform_admin(by):
            administrators = CooperationRole.objects.select_for_update().filter(
                cooperation_id=role.cooperation_id, role=CooperationRole.Role.ADMINISTRATOR
            )
            if administrators.count() <= 1:
                raise ValidationError(
                    _("A cooperation keeps at least one administrator: appoint another one first.")
                )
        object_delete(instance=role, by=by, channel=channel)


def clerk_grant(
    *,
    cooperation: Cooperation,
    municipality: Municipality,
    user: User,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> MunicipalityRole:
    """Make `user` council clerk of a municipality that takes part in the cooperation."""
    if not cooperation.participations.filter(municipality=municipality).exists():
        raise ValidationError(_("This municipality does not take part in the cooperation."))
    existing = MunicipalityRole.objects.filter(
        user=user, municipality=municipality, role=MunicipalityRole.Role.CLERK
    ).first()
    if existing is not None:
        return existing
    return object_save(
        instance=MunicipalityRole(user=user, municipality=municipality, role=MunicipalityRole.Role.CLERK),
        by=by,
        channel=channel,
    )


def clerk_revoke(*, role: MunicipalityRole, by: Actor, channel: str = Channel.SECRETARIAT) -> None:
    object_delete(instance=role, by=by, channel=channel)


def _check_may_link(*, cooperation: Cooperation, person: Person, by: Actor) -> None:
    """A link opens every body the person sits in, so its author must administer all their cooperations."""
    cooperations = set(
        Body.objects.filter(memberships__person=person).values_list("cooperation_id", flat=True)
    )
    if cooperation.pk not in cooperations:
        raise ValidationError(_("This person has no membership in a body of this cooperation."))
    if is_platform_admin(by):
        return
    actor = user_or_none(by)
    administered: set[int] = set()
    if actor is not None:
        administered = set(
            CooperationRole.objects.filter(
                user_id=actor.pk, role=CooperationRole.Role.ADMINISTRATOR
            ).values_list("cooperation_id", flat=True)
        )
    if not cooperations <= administered:
        raise ValidationError(
            _(
                "This person also sits in bodies of another cooperation; an administrator of every "
                "cooperation concerned (or a platform administrator) links them."
            )
        )


def person_link(
    *,
    cooperation: Cooperation,
    person: Person,
    user: User,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Person:
    """Link an account to a person, so the account sees what the person's memberships open."""
    _check_may_link(cooperation=cooperation, person=person, by=by)
    other = Person.objects.filter(user=user).exclude(pk=person.pk).first()
    if other is not None:
        raise ValidationError(_("This account is linked to another person already; unlink it there first."))
    person.user = user
    return object_save(instance=person, by=by, channel=channel)


def person_unlink(
    *, cooperation: Cooperation, person: Person, by: Actor, channel: str = Channel.SECRETARIAT
) -> Person:
    _check_may_link(cooperation=cooperation, person=person, by=by)
    person.user = None
    return object_save(instance=person, by=by, channel=channel)


def role_grant_to(
    *,
    cooperation: Cooperation,
    identifier: str,
    role: str,
    municipality: Municipality | None = None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> tuple[User, bool]:
    """Grant `role` to the account named by `identifier`, inviting a new account for an unknown e-mail
    address; returns the account and whether it was invited."""
    with transaction.atomic():
        user = user_find(identifier=identifier)
        invited = user is None
        if user is None:
            user = user_invite(email=identifier, cooperation=cooperation, by=by, channel=channel)
        if role == MunicipalityRole.Role.CLERK:
            if municipality is None:
                raise ValidationError(_("Choose the municipality of the council clerk."))
            clerk_grant(cooperation=cooperation, municipality=municipality, user=user, by=by, channel=channel)
        else:
            role_grant(cooperation=cooperation, user=user, role=role, by=by, channel=channel)
    return user, invited
