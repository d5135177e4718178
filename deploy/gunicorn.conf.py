"""gunicorn's settings for the site (`gunicorn -c deploy/gunicorn.conf.py`), read from the
same environment as Django's settings (deploy/forum-site.env)."""

import multiprocessing
import os

wsgi_app = "forum_site.wsgi:application"
# A unix socket for nginx in production (deploy/nginx.conf), or host:port.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request runs start to finish in one process; the database and the
# cache are the only shared state. Two per core and one more, as gunicorn advises.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak never grows; rarely, since a worker
# that restarts takes a second to load Django again (at 1,000 requests/s, every 100 s).
max_requests = 100_000
max_requests_jitter = 10_000
# Queue connections while every worker is busy (a registration burst), not refuse them.
backlog = 2048
# Only nginx, on this host, may say the scheme and address of the client.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").replace(" ", "")
# The unix socket (mode 0660): only its owner and its group may connect, that is the site's
# own user and nginx, which joins the group (docs/operating.md). Those are the socket peers
# the site believes about the client's scheme and address; nobody else on the host can
# reach it. (umask touches only the socket and gunicorn's heartbeat files.)
umask = 0o117
# Each request is logged by the site itself, one JSON line (forum_site/request_log.py).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def post_worker_init(worker):
    """Each worker loads templates, translations and URLs before it takes a request,
    instead of inside its first answers (forum_site/warm_up.py)."""
    from forum_site.warm_up import warm_up

    templates = warm_up()
    worker.log.info("Worker %s ready (%s templates loaded)", worker.pid, templates)
