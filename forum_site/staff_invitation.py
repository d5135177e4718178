"""Staff accounts in one step: whoever may manage staff accounts gives a name, an email
and one of the three roles (forum_site/roles.py); the site makes the account with "staff
status" and the role's group, puts it on the admin's record, and mails the person a link
to set their password (Django's reset flow, valid PASSWORD_RESET_TIMEOUT: 3 days).

The mail goes through the outbox like every mail of the site: queued in the account's
transaction, sent by the worker, retried while the server is down, and dropped unsent if
the person has set a password meanwhile."""

from django import forms
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from attendees.models import PendingMail
from attendees.outbox.composers import composes
from attendees.outbox.rendering import absolute, html_part, rendered_mail

from .roles import ROLES

STAFF_INVITATION = "staff_invitation"
# What staff may do with accounts: Django's own permissions on users.
MANAGES_STAFF = ("auth.add_user", "auth.change_user")


def may_invite(user) -> bool:
    return user.has_perms(MANAGES_STAFF)


class StaffInvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, error_messages={"required": _("Please enter the name.")})
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("The link to set a password goes here; it is also the name to sign in with."),
        error_messages={
            "required": _("Please enter the email address."),
            "invalid": _("Please enter a valid email address."),
        },
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(name, name) for name in ROLES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a role.")},
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this address exists already."), code="taken")
        return email

    def clean_role(self):
        role = self.cleaned_data["role"]
        if not Group.objects.filter(name=role).exists():
            raise forms.ValidationError(
                _("The roles are not set up yet: run `manage.py setup_roles` first."), code="no_roles"
            )
        return role


def staff_invite(*, name: str, email: str, role: str, by) -> User:
    """The account, its role and its invitation mail, in one transaction, on record."""
    with transaction.atomic():
        user = User(username=email, email=email, first_name=name, is_staff=True)
        user.set_unusable_password()  # usable only through the mailed link
        user.save()
        user.groups.add(Group.objects.get(name=role))
        PendingMail.objects.create(
            staff_account=user, kind=STAFF_INVITATION, recipient=email, details={"role": role, "by": by.get_username()}
        )
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[user],
            action_flag=ADDITION,
            change_message=[{"added": {}}, {"changed": {"fields": [str(_("Role")), role]}}],
            single_object=True,
        )
    return user


def staff_invitation_view(request, admin_site):
    if not may_invite(request.user):
        raise PermissionDenied
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = staff_invite(**form.cleaned_data, by=request.user)
        messages.success(
            request,
            _(
                "%(name)s's account is made with the role %(role)s; "
                "the link to set a password is on its way to %(email)s."
            )
            % {"name": user.first_name, "role": form.cleaned_data["role"], "email": user.email},
        )
        return redirect(reverse("admin:auth_user_changelist"))
    context = {**admin_site.each_context(request), "title": _("Invite a staff member"), "form": form}
    return TemplateResponse(request, "staff_invitation/invite.html", context)


def _account(pending: PendingMail) -> User | None:
    if pending.staff_account_id is None:
        return None
    return User.objects.filter(pk=pending.staff_account_id, is_active=True).first()


def _set_or_gone(pending: PendingMail) -> bool:
    """Dropped unsent once the person has set a password, or the account is gone."""
    user = _account(pending)
    return user is None or user.has_usable_password()


@composes(STAFF_INVITATION, outdated=_set_or_gone)
def staff_invitation_mail(pending: PendingMail) -> dict:
    user = _account(pending)
    if user is None:
        raise ValueError(f"mail {pending.pk} has no account")
    # Made when the mail is written: the token is valid from then, for PASSWORD_RESET_TIMEOUT.
    path = reverse(
        "staff_password_set",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    with translation.override("ko"):
        context = {
            "name": user.first_name,
            "role": pending.details.get("role", ""),
            "by": pending.details.get("by", ""),
            "username": user.get_username(),
            "set_password_url": absolute(path),
            "admin_url": absolute(reverse("admin:index")),
        }
        subject = " ".join(render_to_string("staff_invitation/mail_subject.txt", context).split())
        message = render_to_string("staff_invitation/mail.txt", context)
        labels = {context["set_password_url"]: str(_("Set my password"))}
        return rendered_mail(user.email, subject, message, html_part(subject, message, "ko", labels=labels))
