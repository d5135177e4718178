"""The mail queue as the mail worker's next round finds it."""

from post_office.models import Email

from attendees.mail import pending_mail_render


def queued_mail(**filters):
    """post_office's queued mail, after rendering what the services decided. Tests run
    inside one transaction that never commits, so the on-commit rendering never fires."""
    pending_mail_render()
    return Email.objects.filter(**filters).order_by("id")
