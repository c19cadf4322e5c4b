from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from naober.accounts.permissions import can_edit_cooperation
from naober.core.services import Actor


def require_editor(*, by: Actor, cooperation_id: int) -> None:
    """`by=None` is the system (demo, commands); a person must edit the cooperation."""
    if by is None:
        return
    if not can_edit_cooperation(user=by, cooperation_id=cooperation_id):
        raise PermissionDenied(_("Only the secretariat of this cooperation may do this."))
