"""The addresses of a subscriber's pages, built here beside their views (views.py) and
handed to the mails that carry them."""

from django.urls import reverse

from attendees.models import Subscription


def unsubscribe_path(subscription: Subscription) -> str:
    return reverse("attendees:unsubscribe", kwargs={"token": subscription.token})


def reconfirm_path(subscription: Subscription) -> str:
    return reverse("attendees:reconfirm", kwargs={"token": subscription.token})
