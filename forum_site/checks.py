"""Deploy checks of the site's own: what production needs beyond Django's list."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """The registration limits count in the default cache: a cache of each process's own
    lets every worker accept the whole limit again."""
    if settings.CACHES["default"]["BACKEND"] in LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process, so registration rate limits are counted per worker.",
                hint="Set CACHE_URL to a shared cache, e.g. redis://127.0.0.1:6379/1.",
                id="forum_site.W001",
            )
        ]
    return []
