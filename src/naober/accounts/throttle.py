"""Sign-in throttling: repeated failures lock a user name, or a client address, for a while.

Policy (settings.NAOBER_SIGN_IN_THROTTLE, from the environment): USERNAME_FAILURES failed steps for one user
name from any address, or ADDRESS_FAILURES from one address, within WINDOW_MINUTES lock that name or address
for LOCKOUT_MINUTES. Wrong passwords and wrong two-factor codes both count. A successful sign-in clears the
user name's failures; a password reset by e-mail lifts its lock-out too.

Counted in the database, not in a per-process cache, so that every worker of `naober serve` sees the same
counts. Attempts refused while locked are not counted: the lock-out ends on time whatever an attacker does.
Unknown user names are counted and locked exactly like existing ones, so the answers tell nothing.
"""

from __future__ import annotations

import datetime
import ipaddress
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.http import HttpRequest
from django.utils import timezone

from naober.accounts.models import SignInFailure, SignInLockout
from naober.core.models import AuditEntry, Channel
from naober.core.services import audit_record

logger = logging.getLogger("naober.security")

KEEP_FAILURES = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Policy:
    username_failures: int
    address_failures: int
    window: datetime.timedelta
    lockout: datetime.timedelta


def policy() -> Policy:
    values = settings.NAOBER_SIGN_IN_THROTTLE
    return Policy(
        username_failures=int(values["USERNAME_FAILURES"]),
        address_failures=int(values["ADDRESS_FAILURES"]),
        window=datetime.timedelta(minutes=int(values["WINDOW_MINUTES"])),
        lockout=datetime.timedelta(minutes=int(values["LOCKOUT_MINUTES"])),
    )


def username_key(username: str) -> str:
    """User names differ in case only by mistake: `Demo` and `demo` share one counter."""
    return username.strip().lower()[:150]


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address. Behind NAOBER_TRUSTED_PROXIES proxies it is the address the outermost trusted
    proxy saw (X-Forwarded-For is read from the right, so a client cannot choose its own address)."""
    candidate = request.META.get("REMOTE_ADDR", "")
    proxies = int(settings.NAOBER_TRUSTED_PROXIES)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def sign_in_locked_until(*, username: str | None, address: str | None) -> datetime.datetime | None:
    """When the current lock-out of this user name or address ends; None when neither is locked."""
    keys = Q(pk__in=[])
    if username:
        keys |= Q(scope=SignInLockout.Scope.USERNAME, key=username_key(username))
    if address:
        keys |= Q(scope=SignInLockout.Scope.ADDRESS, key=address)
    until: datetime.datetime | None = SignInLockout.objects.filter(keys, until__gt=timezone.now()).aggregate(
        until=Max("until")
    )["until"]
    return until


def sign_in_failure_record(*, username: str, address: str | None, stage: str) -> datetime.datetime | None:
    """Count one failed step; returns the end of the lock-out if this failure locked the name or address."""
    now = timezone.now()
    rules = policy()
    key = username_key(username)
    locked_until = None
    with transaction.atomic():
        SignInFailure.objects.create(username=key, ip_address=address, stage=stage, at=now)
        SignInFailure.objects.filter(at__lt=now - KEEP_FAILURES).delete()
        checks = [(SignInLockout.Scope.USERNAME, key, Q(username=key), rules.username_failures)]
        if address:
            checks.append(
                (SignInLockout.Scope.ADDRESS, address, Q(ip_address=address), rules.address_failures)
            )
        for scope, value, failures_of, limit in checks:
            # Failures up to an earlier lock-out were paid for by it (failures while locked are not counted).
            earlier = SignInLockout.objects.filter(scope=scope, key=value)
            previous = earlier.aggregate(started=Max("started"))["started"]
            since = max(now - rules.window, previous) if previous else now - rules.window
            failures = SignInFailure.objects.filter(failures_of, at__gt=since).count()
            if failures >= limit:
                lockout = _lock(scope=scope, key=value, failures=failures, now=now, duration=rules.lockout)
                locked_until = max(locked_until or lockout.until, lockout.until)
    return locked_until


def _lock(
    *, scope: str, key: str, failures: int, now: datetime.datetime, duration: datetime.timedelta
) -> SignInLockout:
    lockout = SignInLockout.objects.create(
        scope=scope, key=key, failures=failures, started=now, until=now + duration
    )
    logger.warning(
        "sign-in lock-out: %s %r locked until %s after %d failures",
        scope,
        key,
        lockout.until.isoformat(timespec="seconds"),
        failures,
    )
    audit_record(
        instance=lockout,
        action=AuditEntry.Action.CREATE,
        by=None,
        channel=Channel.SYSTEM,
        changes={"scope": scope, "key": key, "failures": failures, "until": lockout.until.isoformat()},
    )
    return lockout


def sign_in_succeeded(*, username: str) -> None:
    """A complete sign-in clears the user name's failures (not the address's: one good account must not let
    an address go on guessing others)."""
    SignInFailure.objects.filter(username=username_key(username)).delete()


def sign_in_unlock(*, username: str) -> None:
    """The owner proved control of the account's e-mail (password reset): failures and lock-out go."""
    key = username_key(username)
    now = timezone.now()
    with transaction.atomic():
        SignInFailure.objects.filter(username=key).delete()
        SignInLockout.objects.filter(scope=SignInLockout.Scope.USERNAME, key=key, until__gt=now).update(
            until=now
        )
