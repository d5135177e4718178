"""Site-wide request guards."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNulBytesMiddleware:
    """A NUL byte has no place in any URL or query string. PostgreSQL refuses it in text,
    so left alone it turns a search, a token or an admin filter into a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(_("The address contains a character that is not allowed."))
        return self.get_response(request)
