"""The subscriber's own pages, reached by the token in every news mail: unsubscribe (also
the one-click POST of RFC 8058 that mail programs send) and reconfirm."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from attendees.models import Subscription
from attendees.news.subscriptions import subscription_end, subscription_reconfirm
from forum_site.core.private_pages import private_response


def _subscription(token: str) -> Subscription:
    return get_object_or_404(Subscription, token=token)


# The one-click POST comes from the subscriber's mail program or mail provider, which has
# no CSRF token to send; the unguessable token in the address is what authorises it, and
# all it can do is stop the news to that one subscriber.
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    def get(self, request, token):
        # GET only asks: mail scanners open every link, and must not unsubscribe anyone.
        context = {"subscription": _subscription(token)}
        return private_response(render(request, "attendees/news/unsubscribe.html", context))

    def post(self, request, token):
        subscription = _subscription(token)
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        ended = subscription_end(
            subscription, how=Subscription.Ended.ONE_CLICK if one_click else Subscription.Ended.LINK
        )
        if one_click:
            return private_response(HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8"))
        if ended:
            messages.success(request, _("You are unsubscribed: we will send you no more news of the forum."))
        return redirect(request.path)


class ReconfirmView(View):
    def get(self, request, token):
        context = {"subscription": _subscription(token)}
        return private_response(render(request, "attendees/news/reconfirm.html", context))

    def post(self, request, token):
        if subscription_reconfirm(_subscription(token)):
            messages.success(request, _("Thank you: you will keep receiving news of the forum."))
        return redirect(request.path)
