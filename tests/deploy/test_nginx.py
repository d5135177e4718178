"""Debian's nginx with deploy/nginx.conf in front of gunicorn (deploy/gunicorn.conf.py),
production settings, on high ports: what only the real proxy can show."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from attendees.models import Registration
from tests.factories import ForumFactory, ForumPhotoFactory
from tests.processes import ROOT, production_environment, redis_db, redis_flush, start_gunicorn, stop, wait_until
from tests.smtp import free_port
from tests.web import fetch, register
from tests.web import registration_fields as person

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CACHE_DB = redis_db(1)
# No TCP peer is a trusted proxy: nginx reaches gunicorn over its unix socket, which is.
NO_TCP_PROXY = "10.255.255.1"
SITE_VARIABLES = (
    "SERVER_NAME",
    "HTTP_LISTEN",
    "HTTPS_LISTEN",
    "TLS_CERTIFICATE",
    "TLS_CERTIFICATE_KEY",
    "APP_SOCKET",
    "STATIC_ROOT",
    "MEDIA_ROOT",
)


def nginx_site(values: dict) -> str:
    """deploy/nginx.conf with its ${...} filled in, as docs/operating.md's envsubst does."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    for name in SITE_VARIABLES:
        site = site.replace("${" + name + "}", str(values[name]))
    lines = [line for line in site.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in lines if "${" in line]
    # The site's access log in the test's own folder, not Debian's /var/log/nginx.
    return "\n".join(lines).replace("/var/log/nginx/forum-site.access.log", str(values["ACCESS_LOG"]))


def nginx_main(folder: Path, site: str) -> str:
    """Debian's /etc/nginx/nginx.conf, cut to what a test run needs, around the site."""
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    return f"""
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{site}
}}
"""


@pytest.fixture
def behind_nginx(postgres_only, tmp_path, static_root, tls_certificate, settings):
    if not os.path.exists(NGINX):
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing in CI: .ci/run installs Debian's nginx")
        pytest.skip("needs Debian's nginx: apt-get install nginx (.ci/run does)")
    certificate, key = tls_certificate
    socket = tmp_path / "gunicorn.sock"
    http_port, https_port, direct_port = free_port(), free_port(), free_port()
    https = f"https://localhost:{https_port}"
    redis_flush(CACHE_DB)
    web = start_gunicorn(
        f"unix:{socket}",
        f"127.0.0.1:{direct_port}",
        log_path=tmp_path / "gunicorn.log",
        **production_environment(
            static_root=static_root,
            cache_db=CACHE_DB,
            MEDIA_ROOT=settings.MEDIA_ROOT,
            TRUSTED_PROXIES=NO_TCP_PROXY,
            SITE_URL=https,
            CSRF_TRUSTED_ORIGINS=https,  # nginx passes the host without its (test) port
            REGISTRATION_RATE_LIMIT_PER_IP="3/h",
        ),
    )
    site = nginx_site(
        {
            "SERVER_NAME": "localhost",
            "HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "TLS_CERTIFICATE": certificate,
            "TLS_CERTIFICATE_KEY": key,
            "APP_SOCKET": socket,
            "STATIC_ROOT": static_root,
            "MEDIA_ROOT": settings.MEDIA_ROOT,
            "ACCESS_LOG": tmp_path / "forum-site.access.log",
        }
    )
    (tmp_path / "nginx.conf").write_text(nginx_main(tmp_path, site))
    proxy = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=open(tmp_path / "nginx.out", "wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    proxy.log = open(tmp_path / "nginx.out", "ab")  # closed by stop()
    try:

        def healthy():
            try:
                return fetch(f"{https}/healthz", cafile=certificate).status == 200
            except OSError:
                return False

        wait_until(healthy, timeout=60, what="the site through nginx")
        yield {
            "https": https,
            "http": f"http://localhost:{http_port}",
            "direct": f"http://127.0.0.1:{direct_port}",
            "cafile": certificate,
            "access_log": tmp_path / "forum-site.access.log",
        }
    finally:
        stop(proxy)
        stop(web)
        redis_flush(CACHE_DB)


def test_an_uploaded_photo_is_served_by_nginx(behind_nginx, settings):
    photo = ForumPhotoFactory(forum=ForumFactory())
    stored = (Path(settings.MEDIA_ROOT) / photo.image.name).read_bytes()
    answer = fetch(f"{behind_nginx['https']}/media/{photo.image.name}", cafile=behind_nginx["cafile"])
    assert answer.status == 200
    assert answer.body == stored
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    static = fetch(f"{behind_nginx['https']}/", cafile=behind_nginx["cafile"])
    assert static.status == 200


def test_x_forwarded_proto_is_believed_only_from_the_proxy(behind_nginx):
    cafile = behind_nginx["cafile"]
    # Through nginx over HTTPS: nginx says https, and the site believes it (no redirect).
    through_proxy = fetch(f"{behind_nginx['https']}/forums/", cafile=cafile)
    assert through_proxy.status == 200
    assert through_proxy.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    # Plain HTTP to nginx is sent to HTTPS by nginx itself.
    plain = fetch(f"{behind_nginx['http']}/forums/")
    assert (plain.status, plain.headers["Location"]) == (301, "https://localhost/forums/")
    # A client reaching gunicorn directly may claim HTTPS; the site does not believe it.
    forged = fetch(f"{behind_nginx['direct']}/forums/", headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
    assert (forged.status, forged.headers["Location"]) == (301, "https://localhost/forums/")


def test_the_rate_limit_counts_each_real_client_behind_nginx(behind_nginx):
    cafile = behind_nginx["cafile"]
    forum = ForumFactory(status="published")
    form = f"/forums/{forum.series.slug}/{forum.number}/register/"

    # One client, three registrations (the limit), each claiming another address in
    # X-Forwarded-For: nginx appends the real one, and that is what is counted.
    for index in range(3):
        spoofed = {"X-Forwarded-For": f"203.0.113.{index}"}
        answer = register(behind_nginx["https"], form, person(index), headers=spoofed, cafile=cafile)
        assert answer.status == 302, answer.text[:500]
    refused = register(
        behind_nginx["https"], form, person(3), headers={"X-Forwarded-For": "203.0.113.9"}, cafile=cafile
    )
    assert refused.status == 429
    # Another client behind the same proxy is not held back by the first one's count.
    other = register(behind_nginx["https"], form, person(4), source="127.0.0.2", cafile=cafile)
    assert other.status == 302
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "person0@example.kr",
        "person1@example.kr",
        "person2@example.kr",
        "person4@example.kr",
    ]


def test_nginx_logs_token_addresses_redacted_and_hides_its_version(behind_nginx):
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(forum=ForumFactory())
    cafile = behind_nginx["cafile"]
    manage = fetch(
        f"{behind_nginx['https']}/registrations/{registration.token}/",
        headers={"Referer": f"{behind_nginx['https']}/registrations/{registration.token}/correct/"},
        cafile=cafile,
    )
    assert manage.status == 200
    fetch(f"{behind_nginx['https']}/registrations/check-in/{registration.check_in_code}.png", cafile=cafile)
    missing = fetch(f"{behind_nginx['https']}/static/no-such-file.css", cafile=cafile)
    assert (missing.status, manage.headers["Server"], missing.headers["Server"]) == (404, "nginx", "nginx")
    assert "nginx/" not in missing.text
    logged = behind_nginx["access_log"].read_text()
    assert registration.token not in logged and registration.check_in_code not in logged
    assert '"GET /registrations/<token>/ HTTP/1.1" 200' in logged
    assert "/registrations/<token>/correct/" in logged  # the referrer, redacted too
    assert "/registrations/check-in/<token>.png" in logged


def test_slides_download_as_attachments(behind_nginx, settings):
    slides = Path(settings.MEDIA_ROOT) / "slides" / "talk.pdf"
    slides.parent.mkdir(parents=True, exist_ok=True)
    slides.write_bytes(b"%PDF-1.4 slides")
    answer = fetch(f"{behind_nginx['https']}/media/slides/talk.pdf", cafile=behind_nginx["cafile"])
    assert (answer.status, answer.body) == (200, b"%PDF-1.4 slides")
    assert answer.headers["Content-Disposition"] == "attachment"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
