"""deploy/forum-site.env.example, followed literally: step 5 of docs/operating.md sources it in
the shell (`set -a && . file && set +a`), and every setting it names is then set as
written, the quoted sender's name included."""

import re
import subprocess

from tests.processes import ROOT

EXAMPLE = ROOT / "deploy" / "forum-site.env.example"


def sourced_as_the_readme_does() -> dict[str, str]:
    shell = subprocess.run(
        ["bash", "-c", f'set -e; set -a && . "{EXAMPLE}" && set +a; env -0'],
        capture_output=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert shell.stderr == b""
    return dict(line.split("=", 1) for line in shell.stdout.decode().split("\0") if "=" in line)


def test_sourcing_the_example_sets_every_variable_it_names():
    names = re.findall(r"^([A-Z_]+)=", EXAMPLE.read_text(), flags=re.MULTILINE)
    assert len(names) == 15
    environment = sourced_as_the_readme_does()
    assert [name for name in names if name not in environment] == []


def test_the_values_arrive_as_written():
    environment = sourced_as_the_readme_does()
    assert environment["DEFAULT_FROM_EMAIL"] == "AI 조찬포럼 <forum@gwangju.go.kr>"
    assert environment["EMAIL_URL"] == "smtp+tls://forum@gwangju.go.kr:password@smtp.gwangju.go.kr:587"
    assert (environment["STATIC_ROOT"], environment["MEDIA_ROOT"]) == (
        "/srv/forum-site/staticfiles",
        "/srv/forum-site/media",
    )
    assert environment["DEBUG"] == "false"
