"""A registrant's one click that stops the mail after their forum (the thank-you, the
survey's reminder): the List-Unsubscribe of those mails (RFC 8058), and a link in their
words. Mail about their seat still goes. The page asks before it stops on a GET (mail
scanners open every link); the one-click POST stops at once."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from attendees.models import PendingMail, Registration
from attendees.outbox.rendering import list_headers
from events.models import Forum
from forum_site.core import clock
from forum_site.core.private_pages import private_response


def stop_mail_path(registration: Registration) -> str:
    return reverse("attendees:stop-mail", kwargs={"token": registration.token})


def after_forum_mail_stopped(pending: PendingMail) -> bool:
    """A composer's `outdated`: the person stopped the mail after the forum since it was queued."""
    registration = pending.registration
    return registration is not None and registration.after_forum_mail_stopped_at is not None


def forum_list_headers(forum: Forum, stop_url: str = "") -> dict[str, str]:
    """A forum's mails to all those registered, filed as one list; those after the forum
    are stopped with one click (`stop_url`), those about a seat are not."""
    return list_headers(
        f"{forum.series.name} {forum.display_number}", f"{forum.series.slug}-{forum.number}", unsubscribe_url=stop_url
    )


# The one-click POST comes from the mail program, which has no CSRF token; the unguessable
# token in the address authorises it, and all it can do is stop this person's mail after the forum.
@method_decorator(csrf_exempt, name="dispatch")
class StopMailView(View):
    def get(self, request, token):
        registration = get_object_or_404(Registration.objects.select_related("forum__series"), token=token)
        return private_response(render(request, "attendees/outbox/stop_mail.html", {"registration": registration}))

    def post(self, request, token):
        registration = get_object_or_404(Registration, token=token)
        stopped = Registration.objects.filter(pk=registration.pk, after_forum_mail_stopped_at__isnull=True).update(
            after_forum_mail_stopped_at=clock.now()
        )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return private_response(HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8"))
        if stopped:
            messages.success(request, _("Done: we will send you no more mail after this forum."))
        return redirect(request.path)
