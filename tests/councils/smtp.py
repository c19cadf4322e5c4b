"""A real SMTP server on loopback (aiosmtpd) that Django's SMTP backend delivers to, for mail tests."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.message import Message

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"

    def bodies(self) -> list[str]:
        return [message.get_payload(decode=True).decode() for _to, message in self.messages]

    def subjects(self) -> list[str]:
        return [str(make_header(decode_header(message["Subject"]))) for _to, message in self.messages]


def smtp_server(settings) -> Iterator[Inbox]:
    """Start the server and point Django's SMTP backend at it (use from a fixture with `yield from`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()
