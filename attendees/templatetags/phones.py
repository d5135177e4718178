"""{{ registration.phone|phone }}: a stored phone number as people write it (010-1234-5678)."""

from django import template

from attendees.contacts import phone_display

register = template.Library()
register.filter("phone", phone_display)
