"""Rendering a mail of the outbox (attendees.PendingMail) through the composer its kind
registered (attendees/outbox/composers.py), into a django-post-office Email; and the
pieces every composer builds with: the HTML part and its layout, the top of a mail with
the forum's time and place and its buttons, the sender.

The rendered text is stored as it is. post_office.mail.send() would run it through the
template engine a second time, turning an attendee's name such as "{% debug %}" into
code; Email rows are therefore written here directly.
"""

import html
import re
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.utils import formataddr, make_msgid, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from post_office.models import PRIORITY, STATUS, Email
from post_office.utils import create_attachments

from attendees.models import PendingMail
from attendees.outbox.composers import composer_of
from events.calendar import google_calendar_link
from events.models import Forum
from events.outlook_choice import outlook_choice_path
from forum_site.core.dates import forum_date, forum_time

# The check-in QR code a mail shows at its top is attached under this name; attachments
# the HTML shows inline, by their Content-ID (parts_placed() marks them so). Any other
# attachment named "inline-<id>.<ext>" (a forum's photo) is shown inline as cid:<id>.
QR_FILE_NAME = "check-in-qr.png"
INLINE_IMAGES = {QR_FILE_NAME: "check-in-qr"}
INLINE_PREFIX = "inline-"


def inline_content_id(name: str) -> str | None:
    """The Content-ID the HTML shows an attachment by, or None for a plain attachment."""
    if name in INLINE_IMAGES:
        return INLINE_IMAGES[name]
    if name.startswith(INLINE_PREFIX):
        return name.removeprefix(INLINE_PREFIX).rsplit(".", 1)[0]
    return None


def list_headers(list_name: str, list_key: str, *, unsubscribe_url: str = "") -> dict[str, str]:
    """A bulk mail's headers: List-Id (RFC 2919), which mail programs file and filter by,
    and where the person can stop it, List-Unsubscribe with the one-click POST of RFC 8058."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    headers = {"List-Id": f"{list_name} <{list_key}.{host}>"}
    if unsubscribe_url:
        headers |= {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return headers


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def render(pending: PendingMail) -> dict:
    """The mail as its kind's composer writes it, in the language of its recipient."""
    return composer_of(pending.kind).render(pending)


def calendar_buttons(forum: Forum, forum_url: str) -> list[tuple[str, str]]:
    """Add the forum to Google Calendar, or to Outlook: the site's page that offers a
    personal (Outlook.com) and a work or school (Microsoft 365) account, which Outlook on
    the web serves from two addresses."""
    return [
        (gettext("Google Calendar"), google_calendar_link(forum, url=forum_url)),
        (gettext("Outlook Calendar"), absolute(outlook_choice_path(forum))),
    ]


def ticket(forum: Forum, buttons: list[tuple[str, str]], *, qr: bool = True, with_map: bool = True) -> dict:
    """The top of a mail about a forum: the QR code (a mail about a seat), when and where,
    and buttons, the first the mail's one primary action, the map last. The mass mails
    (announcement, thank-you, survey) show the same without the QR code."""
    if forum.venue and with_map:
        buttons = [*buttons, (gettext("View map"), forum.venue.map_link)]
    return {
        "qr_cid": INLINE_IMAGES[QR_FILE_NAME] if qr else "",
        "forum": forum.series_and_number,
        "title": forum.shown_title,
        # The day and the hours, each kept on one line (a phone may put them on two).
        "day": forum_date(localtime(forum.starts_at)),
        "hours": f"{forum_time(localtime(forum.starts_at))} – {forum_time(localtime(forum.ends_at))}",
        "where": forum.venue.shown if forum.venue else "",
        "buttons": buttons,
    }


# A web address in the escaped text; punctuation that ends a sentence is not part of it.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+?(?=[.,;:!?)]*(?:\s|$))")


def html_part(
    subject: str,
    message: str,
    language: str,
    *,
    map_link: str = "",
    labels: dict[str, str] | None = None,
    ticket: dict | None = None,
    images: list[dict] | None = None,
) -> str:
    """The HTML beside the plain text, from the same words: paragraphs, links that can be
    tapped, a width that fits a phone. The text was rendered with autoescape off (and is
    marked safe by render_to_string): escaped here, then the site's own addresses and the
    venue's map become links. Nothing else does: the text holds what people typed (a name
    like "재인증 http://evil.example/login"), and a link in an official mail is trusted. A link
    with a label (the personal link, the map) shows the label instead of its long address."""
    labels = {address: label for address, label in (labels or {}).items() if address}

    def link(match: re.Match) -> str:
        address = html.unescape(match.group(0))
        ours = address == settings.SITE_URL or address.startswith(settings.SITE_URL + "/")
        # A labelled address is one the mail's own code put there (a calendar button), never typed text.
        if address == map_link or ours or address in labels:
            return format_html('<a href="{}" rel="nofollow">{}</a>', address, labels.get(address, address))
        return match.group(0)

    body = linebreaks(WEB_ADDRESS.sub(link, escape(message)), autoescape=False)
    return render_to_string(
        "attendees/outbox/layout.html",
        {
            "subject": subject,
            "body_html": mark_safe(body),  # escaped above
            "language": language,
            # The home page in the mail's language (/en/ for English).
            "site_url": home(language),
            "ticket": ticket,
            "images": images or [],
        },
    )


def home(language: str) -> str:
    """The home page in this language (/en/ for English)."""
    with translation.override(language):
        return absolute(reverse("events:home"))


def map_link(forum: Forum | None) -> str:
    return forum.venue.map_link if forum is not None and forum.venue is not None else ""


def rendered_mail(to: str, subject: str, message: str, html_message: str, *, attachments=None, headers=None) -> dict:
    """What a composer returns: the mail as store() takes it, from the site's address
    named in the active language (call it inside the recipient's translation.override)."""
    rendered = {
        "to": to,
        "from_email": sender_address(),
        "subject": subject,
        "message": message,
        "html_message": html_message,
        "attachments": attachments or {},
    }
    return rendered | ({"headers": headers} if headers else {})


def sender_address() -> str:
    """DEFAULT_FROM_EMAIL's address under the site's name in the active language."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((str(gettext("AI Breakfast Forum")), address))


def reply_address() -> str:
    """Where a reply to a mail goes: DEFAULT_FROM_EMAIL's address."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def store(rendered: dict) -> Email:
    email = Email.objects.create(
        from_email=rendered.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=[rendered["to"]],
        subject=rendered["subject"],
        message=rendered["message"],
        html_message=rendered.get("html_message", ""),
        # RFC 3834: written by a program, so that out-of-office replies are not sent back.
        headers={"Auto-Submitted": "auto-generated", **(rendered.get("headers") or {})},
        status=STATUS.queued,
        priority=PRIORITY.medium,  # queued; never sent inside the web request
        # The site's own domain, not the name of whichever host the worker runs on.
        message_id=make_msgid(domain=urlsplit(settings.SITE_URL).hostname),
    )
    if rendered["attachments"]:
        email.attachments.add(*create_attachments(rendered["attachments"]))
    return email


def parts_placed(message: EmailMessage) -> EmailMessage:
    """Each attachment where mail programs look for it. post_office stores attachments
    without their MIME headers, so this is done here, on the message as it is sent:
    - the images the HTML shows by Content-ID (the QR code), marked inline with it;
    - the calendar file also as a text/calendar alternative of the text and the HTML,
      where RFC 6047 puts an iTIP message for calendars to act on; the attached file
      stays for people who open it by hand."""
    parts: list = []
    for attachment in message.attachments:
        if not isinstance(attachment, MIMEBase) and attachment[2].startswith("text/calendar"):
            name, content, mimetype = attachment
            text = content.decode() if isinstance(content, bytes) else content
            message.attach_alternative(text, mimetype)  # type: ignore[attr-defined]
            # As bytes: a str would be base64-encoded through "raw-unicode-escape" (\uc81c...).
            parts.append((name, text.encode(), "application/ics"))
            continue
        content_id = None if isinstance(attachment, MIMEBase) else inline_content_id(attachment[0])
        if content_id is None:
            parts.append(attachment)
            continue
        name, content, mimetype = attachment
        image = MIMEImage(content, _subtype=mimetype.split("/")[1])
        image.add_header("Content-ID", f"<{content_id}>")
        image.add_header("Content-Disposition", "inline", filename=name)
        parts.append(image)
    message.attachments = parts
    return message
