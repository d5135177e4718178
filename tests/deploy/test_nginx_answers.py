"""What an operator or an auditor checks on the real nginx in front of gunicorn
(deploy/nginx.conf, deploy/gunicorn.conf.py): the static files' answers, HEAD on
/healthz, the TLS 1.2 suites (with openssl s_client, as testssl.sh would), and who may
connect to gunicorn's socket."""

import gzip
import os
import re
import shutil
import socket
import stat
import subprocess

import brotli
import pytest

from tests.deploy.conftest import BROTLI_MODULE
from tests.web import fetch

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
# Debian's own Python, which any user may run (the virtualenv's lives under /root here).
SYSTEM_PYTHON = "/usr/bin/python3"


def static_address(behind_nginx, name: str) -> str:
    """The hashed address collectstatic gave `name` (its manifest)."""
    import json

    manifest = json.loads((behind_nginx["static_root"] / "staticfiles.json").read_text())
    return f"{behind_nginx['https']}/static/{manifest['paths'][name]}"


def test_static_files_carry_one_cache_control_nosniff_and_the_manifest_type(behind_nginx):
    cafile = behind_nginx["cafile"]
    css = fetch(static_address(behind_nginx, "css/site.css"), cafile=cafile)
    assert css.status == 200
    assert css.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert css.headers["X-Content-Type-Options"] == "nosniff"
    assert css.headers["Content-Type"] == "text/css"
    manifest = fetch(static_address(behind_nginx, "site.webmanifest"), cafile=cafile)
    assert manifest.headers["Content-Type"] == "application/manifest+json"
    assert manifest.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    missing = fetch(f"{behind_nginx['https']}/static/no-such.css", cafile=cafile)
    assert (missing.status, missing.headers.get("Cache-Control")) == (404, None)  # a 404 is not kept a year
    assert missing.headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_sent_precompressed_as_collectstatic_wrote_them(behind_nginx):
    cafile = behind_nginx["cafile"]
    address = static_address(behind_nginx, "css/site.css")
    path = behind_nginx["static_root"] / address.split("/static/", 1)[1]
    plain = fetch(address, cafile=cafile)
    gzipped = fetch(address, headers={"Accept-Encoding": "gzip"}, cafile=cafile)
    assert gzipped.headers["Content-Encoding"] == "gzip"
    # The very file collectstatic wrote (nginx's own gzip would compress again, differently).
    assert gzipped.body == path.with_name(path.name + ".gz").read_bytes()
    assert gzip.decompress(gzipped.body) == plain.body
    if not BROTLI_MODULE.exists():
        pytest.skip("nginx's brotli module is not installed here (CI installs it): the .gz is checked")
    brotli_answer = fetch(address, headers={"Accept-Encoding": "br, gzip"}, cafile=cafile)
    assert brotli_answer.headers["Content-Encoding"] == "br"
    assert brotli_answer.body == path.with_name(path.name + ".br").read_bytes()
    assert brotli.decompress(brotli_answer.body) == plain.body


def test_head_on_healthz_answers_as_get_without_a_body(behind_nginx):
    head = fetch(f"{behind_nginx['https']}/healthz", method="HEAD", cafile=behind_nginx["cafile"])
    assert (head.status, head.body) == (200, b"")
    assert head.headers["Content-Type"] == "application/json"


def handshake(behind_nginx, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{behind_nginx['https_port']}", "-servername", "localhost",
         *options],
        input="", capture_output=True, text=True, timeout=30,
    )  # fmt: skip


def negotiated(result: subprocess.CompletedProcess) -> str | None:
    match = re.search(r"Cipher is (\S+)", result.stdout)
    return None if match is None or match.group(1) == "(NONE)" else match.group(1)


# What testssl.sh flags on TLS 1.2: static-RSA key exchange (no forward secrecy) and CBC.
REFUSED_SUITES = ["AES128-SHA", "AES256-SHA", "AES128-GCM-SHA256", "AES256-SHA256", "ECDHE-RSA-AES128-SHA",
                  "ECDHE-RSA-AES256-SHA384", "DES-CBC3-SHA"]  # fmt: skip


def test_tls_1_2_offers_only_mozillas_intermediate_suites(behind_nginx):
    if shutil.which("openssl") is None:
        pytest.fail("openssl is missing: apt-get install openssl (.ci/run does)")
    for suite in REFUSED_SUITES:
        result = handshake(behind_nginx, "-tls1_2", "-cipher", suite + ":@SECLEVEL=0")
        assert negotiated(result) is None, f"{suite} was accepted"
    good = handshake(behind_nginx, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256")
    assert negotiated(good) == "ECDHE-RSA-AES128-GCM-SHA256"
    chacha = handshake(behind_nginx, "-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305")
    assert negotiated(chacha) == "ECDHE-RSA-CHACHA20-POLY1305"
    modern = handshake(behind_nginx, "-tls1_3")
    assert negotiated(modern) in {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"}
    assert negotiated(handshake(behind_nginx, "-tls1_1")) is None


def test_gunicorns_socket_admits_its_owner_and_group_and_refuses_anyone_else(behind_nginx):
    path = behind_nginx["socket"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o660
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is missing")
    connect = f"import socket; socket.socket(socket.AF_UNIX).connect({str(path)!r}); print('connected')"
    # Another user of the host, in no group of the site's.
    stranger = subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", SYSTEM_PYTHON, "-c", connect],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert stranger.returncode != 0 and "PermissionError" in stranger.stderr
    # The socket's own group (nginx joins it in production) may.
    group = os.stat(path).st_gid
    member = subprocess.run(
        ["setpriv", "--reuid=nobody", f"--regid={group}", "--clear-groups", SYSTEM_PYTHON, "-c", connect],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert member.stdout.strip() == "connected", member.stderr
    with socket.socket(socket.AF_UNIX) as own:
        own.connect(str(path))
