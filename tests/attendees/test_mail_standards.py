"""What mail programs and relays read in a mail, as the SMTP server receives it: the Date in
Seoul time, Auto-Submitted, bodies in 7-bit transfer encodings (so that a DKIM signature
survives a relay that re-encodes 8bit), and the calendar part's iMIP method and ORGANIZER."""

import base64
import datetime
import email
import email.policy
import subprocess

import dkim
import icalendar
import pytest

from attendees.models import ActorKind
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations import services
from tests.factories import ForumFactory, registered, seoul
from tests.smtp import free_port, running_smtp_server, use_smtp_server

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def received(settings, act) -> list[bytes]:
    """The raw mails the SMTP server takes after `act` runs."""
    port = free_port()
    use_smtp_server(settings, port)
    act()
    with running_smtp_server(port) as inbox:
        outbox_deliver()
    return [message.original_content for message in inbox.messages]


def parts(raw: bytes):
    return list(email.message_from_bytes(raw, policy=email.policy.default).walk())


def test_the_date_is_in_seoul_time_and_the_mail_says_a_program_wrote_it(settings):
    [raw] = received(settings, lambda: registered(ForumFactory(starts_at=seoul(2030, 1, 8))))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Date"].endswith("+0900")
    assert message["Date"].datetime == datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL)
    assert message["Auto-Submitted"] == "auto-generated"


def test_every_body_travels_in_seven_bits(settings):
    [raw] = received(settings, lambda: registered(ForumFactory(starts_at=seoul(2030, 1, 8)), name="김광주"))
    assert max(raw) < 128  # no 8-bit byte anywhere in the mail
    encodings = {
        part.get_content_type(): part["Content-Transfer-Encoding"] for part in parts(raw) if not part.is_multipart()
    }
    assert encodings == {
        "text/plain": "quoted-printable",
        "text/html": "quoted-printable",
        "text/calendar": "quoted-printable",
        "application/ics": "base64",
        "image/png": "base64",
    }


def test_the_calendar_part_names_its_method_and_the_event_its_organizer_and_attendee(settings):
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))

    def register_then_cancel():
        registration = registered(forum)
        services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)

    confirmation, cancellation = received(settings, register_then_cancel)
    for raw, method, answer in ((confirmation, "REQUEST", "ACCEPTED"), (cancellation, "CANCEL", "DECLINED")):
        # RFC 6047: the iTIP message is an alternative of the text, for calendars to act on;
        # the same file is attached for people to open.
        [alternative] = [part for part in parts(raw) if part.get_content_type() == "multipart/alternative"]
        assert [part.get_content_type() for part in alternative.iter_parts()] == [
            "text/plain",
            "text/html",
            "text/calendar",
        ]
        [part] = [part for part in alternative.iter_parts() if part.get_content_type() == "text/calendar"]
        assert part.get_param("method") == method
        calendar = icalendar.Calendar.from_ical(part.get_content())
        assert calendar["METHOD"] == method
        [event] = calendar.walk("VEVENT")
        assert str(event["ORGANIZER"]) == "mailto:forum@localhost"
        assert event["ORGANIZER"].params["CN"] == "AI 조찬포럼"
        assert str(event["ATTENDEE"]) == "mailto:kim@example.kr"
        assert (event["ATTENDEE"].params["CN"], event["ATTENDEE"].params["PARTSTAT"]) == ("김광주", answer)
        [attached] = [part for part in parts(raw) if part.get_content_type() == "application/ics"]
        assert icalendar.Calendar.from_ical(attached.get_content()).to_ical() == calendar.to_ical()


def seven_bit_relay(raw: bytes) -> bytes:
    """What a relay to a 7-bit hop does (RFC 6152): every 8bit text part re-encoded in
    quoted-printable; a part already in 7 bits is passed on as it is."""
    message = email.message_from_bytes(raw, policy=email.policy.SMTP)
    for part in message.walk():
        if part.get_content_maintype() == "text" and part["Content-Transfer-Encoding"] == "8bit":
            text = part.get_content()
            part.set_content(text, subtype=part.get_content_subtype(), cte="quoted-printable")
    return message.as_bytes()


def dkim_signed(raw: bytes) -> tuple[bytes, bytes]:
    """The mail signed with a throwaway key, and that key's public DNS record."""
    private = subprocess.run(["openssl", "genrsa", "2048"], capture_output=True, check=True).stdout
    public = subprocess.run(
        ["openssl", "rsa", "-pubout", "-outform", "DER"], input=private, capture_output=True, check=True
    ).stdout
    signature = dkim.sign(raw, b"test", b"forum.example.kr", private, include_headers=[b"From", b"Subject", b"Date"])
    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
    return signature + raw, record


def test_a_dkim_signature_survives_a_relay_that_re_encodes_8bit(settings):
    [raw] = received(settings, lambda: registered(ForumFactory(starts_at=seoul(2030, 1, 8)), name="김광주"))
    signed, record = dkim_signed(raw)
    relayed = seven_bit_relay(signed)
    assert dkim.verify(relayed, dnsfunc=lambda name, timeout=5: record)


def test_the_same_relay_breaks_the_signature_of_an_8bit_body():
    # The check above can fail: a body sent in 8bit, as Django writes UTF-8 by default.
    raw = (
        b"From: forum@forum.example.kr\r\nTo: kim@example.kr\r\nSubject: test\r\n"
        b"Date: Tue, 1 Jan 2030 12:00:00 +0900\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "김광주 님, 안녕하세요.\r\n".encode()
    )
    signed, record = dkim_signed(raw)
    assert dkim.verify(signed, dnsfunc=lambda name, timeout=5: record)
    assert not dkim.verify(seven_bit_relay(signed), dnsfunc=lambda name, timeout=5: record)
