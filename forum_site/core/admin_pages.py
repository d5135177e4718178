"""Admin pages of our own about one object that say what an action will do (to whom, how
many) and do it only when confirmed: announce a forum, thank its attendees, cancel it.

A page is a ConfirmationPage: what it may refuse, what it shows, what it does. The flow is
the same for all: the permission, a refusal back to the object's change page with a
message, the page inside the admin's frame, and on a valid POST the action and its
message."""

from typing import Generic, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse


def back_to_change_page(
    model_admin, request, obj: models.Model, message: str, level: int = messages.INFO
) -> HttpResponseRedirect:
    """Say `message` and return to `obj`'s change page."""
    model_admin.message_user(request, message, level)
    return redirect(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", obj.pk)


# The model of the object a page is about: ConfirmationPage[Forum] knows its obj is a Forum.
ObjectT = TypeVar("ObjectT", bound=models.Model)


class ConfirmationPage(Generic[ObjectT]):
    template_name: str
    form_class: type[forms.Form] | None = None

    def __init__(self, model_admin, request, obj: ObjectT):
        self.model_admin, self.request, self.obj = model_admin, request, obj

    def allowed(self) -> bool:
        return self.model_admin.has_change_permission(self.request, self.obj)

    def refusal(self) -> tuple[str, int] | None:
        """(message, level) when the action cannot be taken on this object now."""
        return None

    def title(self) -> str:
        raise NotImplementedError

    def context(self, form) -> dict:
        """What the page shows beside the form: who is concerned and how many."""
        return {}

    def act(self, form) -> tuple[str, int]:
        """Take the action; (message, level) to show on the change page."""
        raise NotImplementedError

    def bound_form(self, posted: bool):
        # A POST with every box unticked is empty, and still a POST: it is validated.
        return self.form_class(self.request.POST if posted else None) if self.form_class else None

    def response(self) -> HttpResponse:
        if not self.allowed():
            raise PermissionDenied
        if refused := self.refusal():
            return back_to_change_page(self.model_admin, self.request, self.obj, *refused)
        posted = self.request.method == "POST"
        form = self.bound_form(posted)
        if posted and (form is None or form.is_valid()):
            return back_to_change_page(self.model_admin, self.request, self.obj, *self.act(form))
        frame = self.model_admin.admin_site.each_context(self.request)
        page = {"title": self.title(), "opts": self.model_admin.opts, "form": form, **self.context(form)}
        return TemplateResponse(self.request, self.template_name, frame | page)
