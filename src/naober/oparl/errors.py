"""The OParl error object, raised anywhere in a request and answered by `responses.oparl_view`."""

from __future__ import annotations


class OparlError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class NotFound(OparlError):
    def __init__(self, message: str = "") -> None:
        from django.utils.translation import gettext as _

        super().__init__(404, message or _("There is no such object."))
