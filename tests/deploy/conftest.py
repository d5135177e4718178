"""The production stack as real processes: a TLS certificate for nginx, and Debian's
nginx with deploy/nginx.conf in front of gunicorn (deploy/gunicorn.conf.py), production
settings, on high ports."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.processes import ROOT, production_environment, redis_db, redis_flush, start_gunicorn, stop, wait_until
from tests.smtp import free_port
from tests.web import fetch


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory):
    """A self-signed certificate for localhost, made with openssl."""
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return folder / "cert.pem", folder / "key.pem"


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
    "BROTLI_STATIC",
)
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


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
{f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.exists() else ""}
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
    if os.environ.get("CI") == "true" and not BROTLI_MODULE.exists():
        pytest.fail("nginx's brotli module is missing in CI: .ci/run installs libnginx-mod-http-brotli-static")
    # The socket in a folder every user may pass through, as /run/forum-site is: its own
    # mode alone decides who may connect.
    folder = Path(tempfile.mkdtemp(prefix="forum-site-run-"))
    folder.chmod(0o711)
    socket = folder / "gunicorn.sock"
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
            "BROTLI_STATIC": ROOT / "deploy" / "nginx-brotli-static.conf" if BROTLI_MODULE.exists() else "/dev/null",
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
            "socket": socket,
            "https_port": https_port,
            "static_root": static_root,
        }
    finally:
        stop(proxy)
        stop(web)
        redis_flush(CACHE_DB)
        shutil.rmtree(folder, ignore_errors=True)
