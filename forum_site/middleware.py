"""Site-wide request guards, and the edit history's view of each request."""

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from .core.client_address import client_ip, from_trusted_proxy
from .core.visitors import visitor


class UntrustedProxyHeadersMiddleware:
    """X-Forwarded-Proto says whether the visitor came over HTTPS (SECURE_PROXY_SSL_HEADER),
    which decides secure redirects and cookies. Django believes it from anyone; here it is
    dropped unless the request came through one of TRUSTED_PROXIES. First in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_FORWARDED_PROTO" in request.META and not from_trusted_proxy(request):
            del request.META["HTTP_X_FORWARDED_PROTO"]
        return self.get_response(request)


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


class ContentEditActorMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, naming the staff account behind each content edit,
    with two changes. The account is looked up only for a request that carries a session
    cookie: an anonymous visitor's page never opens the session (no `Vary: Cookie`, so
    shared caches can keep it). The address is the one forum_site.core.client_address trusts,
    not whatever X-Forwarded-For a client sends."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)

    @staticmethod
    def _get_actor(request):
        user = visitor(request)
        return user if user.is_authenticated else None


class LanguageInAddressMiddleware:
    """A public page's language is in its address (/… Korean, /en/… English), yet Django's
    LocaleMiddleware marks the Korean pages `Vary: Accept-Language`, which would make a
    shared cache keep one copy per browser language. Pages served by page_cache.public_page
    say their language does not vary; this takes the header back for them. Sits just
    above LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "language_in_address", False) and response.has_header("Vary"):
            kept = [
                field.strip() for field in response["Vary"].split(",") if field.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
