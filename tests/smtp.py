"""A real SMTP server on this machine (aiosmtpd), for tests of mail delivery itself."""

import asyncio
import contextlib
import email as email_parser
import email.policy as email_policy
import itertools
import socket

from aiosmtpd.controller import Controller


class Inbox:
    """An SMTP handler that keeps what it receives; `delays` (seconds) makes it answer each
    message after a pause drawn from them in turn, as a busy server answers unevenly."""

    def __init__(self, delays=()):
        self.messages = []
        self._delays = itertools.cycle(delays) if delays else None

    async def handle_DATA(self, server, session, envelope):
        if self._delays is not None:
            await asyncio.sleep(next(self._delays))
        self.messages.append(envelope)
        return "250 Message accepted"

    def recipients(self):
        return [message.rcpt_tos[0] for message in self.messages]

    def parsed(self):
        return [
            email_parser.message_from_bytes(message.original_content, policy=email_policy.default)
            for message in self.messages
        ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_smtp_server(settings, port: int) -> None:
    """Point Django's mail at 127.0.0.1:port, as EMAIL_URL=smtp://127.0.0.1:port would."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


@contextlib.contextmanager
def running_smtp_server(port: int, *, delays=()):
    inbox = Inbox(delays)
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield inbox
    finally:
        server.stop()
