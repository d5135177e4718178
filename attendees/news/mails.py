"""The mass mails: the announcement and the request to reconfirm, to news subscribers;
the thank-you with the forum's report, to those who came (and the "sorry we missed you"
to those who did not). Their kinds, what each says (the templates in
attendees/templates/attendees/news/mail/ and the context built here), and when one is
dropped unsent."""

import mimetypes
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from attendees.certificates.addresses import certificate_path
from attendees.certificates.issuing import attended
from attendees.models import PendingMail
from attendees.news.addresses import reconfirm_path, unsubscribe_path
from attendees.outbox.composers import composes
from attendees.outbox.rendering import (
    INLINE_PREFIX,
    absolute,
    home,
    html_part,
    list_headers,
    map_link,
    rendered_mail,
    ticket,
)
from attendees.outbox.stop_mail import after_forum_mail_stopped, forum_list_headers, stop_mail_path
from attendees.surveys.addresses import survey_path
from attendees.surveys.answering import survey_is_closed
from attendees.surveys.invitations import invitation_of
from events.models import Forum
from events.registration_page import registration_path


class NewsMail(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("announcement to subscribers")
    RECONFIRMATION = "reconfirmation", _("request to reconfirm news")
    THANK_YOU = "thank_you", _("thank-you with the report")
    SORRY_WE_MISSED_YOU = "missed_you", _("report to those who did not come")


# The first photos of the forum, linked from the thank-you.
THANK_YOU_PHOTOS = 3


def _unsubscribed_since(pending: PendingMail) -> bool:
    # Unsubscribed since it was queued: at once means at once.
    return pending.subscription is not None and not pending.subscription.is_active


def _announcement_context(forum: Forum) -> dict:
    return {
        "forum": forum,
        "forum_url": absolute(forum.get_absolute_url()),
        "register_url": absolute(registration_path(forum)),
    }


def announcement_preview(forum: Forum, language: str) -> tuple[str, str]:
    """(subject, text) of the forum's announcement as a subscriber reading `language` gets
    it, for the page that sends it; each subscriber's own link is shown as a placeholder."""
    context = {
        **_announcement_context(Forum.objects.with_programme().get(pk=forum.pk)),
        "unsubscribe_url": gettext("(each subscriber's own unsubscribe link)"),
        "site_url": settings.SITE_URL,
    }
    with translation.override(language):
        subject = " ".join(render_to_string("attendees/news/mail/announcement_subject.txt", context).split())
        return subject, render_to_string("attendees/news/mail/announcement.txt", context)


@composes(NewsMail.ANNOUNCEMENT, NewsMail.RECONFIRMATION, outdated=_unsubscribed_since)
def subscriber_mail(pending: PendingMail) -> dict:
    """An announcement or a reconfirmation request, in the subscriber's language, with
    the one-click unsubscribe of RFC 8058 in its headers and its text."""
    subscription = pending.subscription
    if subscription is None:
        raise ValueError(f"mail {pending.pk} has no subscriber")
    # Every address in the subscriber's language: an English subscriber's links open /en/ pages.
    with translation.override(subscription.language):
        unsubscribe_url = absolute(unsubscribe_path(subscription))
        context: dict[str, Any] = {
            "subscription": subscription,
            "unsubscribe_url": unsubscribe_url,
            "reconfirm_url": absolute(reconfirm_path(subscription)),
            "site_url": home(subscription.language).rstrip("/"),
        }
        forum = None
        if pending.kind == NewsMail.ANNOUNCEMENT:
            forum = Forum.objects.with_programme().get(pk=pending.details["forum"])
            context |= _announcement_context(forum)
            action = gettext("Join the waiting list") if forum.is_full else gettext("Register")
            buttons = [(action, context["register_url"])]
        else:
            # The next forum, which a reconfirmed subscriber will hear of, if one is public.
            forum = Forum.objects.published().taking_place().upcoming().select_related("series", "venue").first()
            buttons = [(gettext("Keep receiving news"), context["reconfirm_url"])]
        subject = " ".join(render_to_string(f"attendees/news/mail/{pending.kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/news/mail/{pending.kind}.txt", context)
        labels = {
            context.get("register_url", ""): buttons[0][0],
            context.get("forum_url", ""): gettext("About the forum"),
            context["reconfirm_url"]: gettext("Keep receiving news"),
            unsubscribe_url: pgettext("a link in a mail", "Unsubscribe"),
            map_link(forum): gettext("View map"),
        }
        html_message = html_part(
            subject,
            message,
            subscription.language,
            map_link=map_link(forum),
            labels=labels,
            ticket=ticket(forum, buttons, qr=False) if forum is not None else None,
        )
        # RFC 2369 and 8058: mail programs show an "unsubscribe" button that POSTs here.
        headers = list_headers(gettext("AI Breakfast Forum news"), "news", unsubscribe_url=unsubscribe_url)
        return rendered_mail(subscription.email, subject, message, html_message, headers=headers)


@composes(NewsMail.THANK_YOU, NewsMail.SORRY_WE_MISSED_YOU, outdated=after_forum_mail_stopped)
def report_mail(pending: PendingMail) -> dict:
    """The forum's report, with its first photos, to a registrant, in their language."""
    registration = pending.registration
    if registration is None:
        raise ValueError(f"mail {pending.pk} has no registration")
    forum = Forum.objects.with_programme().get(pk=registration.forum_id)
    photos = list(forum.photos.all()[:THANK_YOU_PHOTOS])
    with translation.override(registration.language):
        forum_url = absolute(forum.get_absolute_url())
        stop_url = absolute(stop_mail_path(registration))
        context = {
            "registration": registration,
            "forum": forum,
            "forum_url": forum_url,
            "report_url": forum_url + "#report-heading",
            "photos": [(absolute(photo.image.url), photo.caption or photo.alt_text) for photo in photos],
            "stop_url": stop_url,
        }
        if pending.kind == NewsMail.THANK_YOU and attended().filter(pk=registration.pk).exists():
            # Those who came (and still did when the mail was written: a check-in undone since has none).
            context["certificate_url"] = absolute(certificate_path(registration))
            invitation = invitation_of(registration)
            if invitation is not None and not survey_is_closed(invitation.survey):
                context["survey_url"] = absolute(survey_path(invitation))
        subject = " ".join(render_to_string(f"attendees/news/mail/{pending.kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/news/mail/{pending.kind}.txt", context)
        buttons = [(gettext("Read the report"), context["report_url"])]
        if context.get("survey_url"):
            buttons.append((gettext("Take the survey"), context["survey_url"]))
        if context.get("certificate_url"):
            buttons.append((gettext("Certificate (PDF)"), context["certificate_url"]))
        labels = {
            **{address: label for label, address in buttons},
            stop_url: pgettext("a link in a mail", "Unsubscribe"),
            map_link(forum): gettext("View map"),
            **{address: gettext("View photo") for address, _caption in context["photos"]},
        }
        thumbnails, images = photo_thumbnails(photos)
        html_message = html_part(
            subject,
            message,
            registration.language,
            map_link=map_link(forum),
            labels=labels,
            ticket=ticket(forum, buttons, qr=False, with_map=False),
            images=images,
        )
        headers = forum_list_headers(forum, stop_url)
        return rendered_mail(
            registration.email, subject, message, html_message, attachments=thumbnails, headers=headers
        )


def photo_thumbnails(photos) -> tuple[dict, list[dict]]:
    """The photos as small images inside the mail: attachments shown inline by their
    Content-ID (attendees/outbox/rendering.py), with their alt text and a link to each."""
    attachments, images = {}, []
    for index, photo in enumerate(photos, 1):
        source = photo.thumbnail or photo.image
        with source.open("rb") as file:
            content = file.read()
        kind = mimetypes.guess_type(source.name)[0] or "image/jpeg"
        content_id = f"photo-{index}"
        attachments[f"{INLINE_PREFIX}{content_id}{mimetypes.guess_extension(kind) or '.jpg'}"] = {
            "file": ContentFile(content),
            "mimetype": kind,
        }
        images.append({"cid": content_id, "alt": photo.alt_text or photo.caption, "url": absolute(photo.image.url)})
    return attachments, images
