"""CPU seconds used by each part of the stack (gunicorn, the worker, PostgreSQL, this
process) between two readings, from /proc: where a burst's time goes. Linux only;
elsewhere the readings are empty."""

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _part(pid: int, command: str, name: str) -> str:
    if name.startswith("postgres"):
        return "PostgreSQL"
    if "gunicorn" in command:
        return "gunicorn"
    if "run_worker" in command:
        return "the mail worker"
    if pid == os.getpid():
        return "the load generator"
    return "other"


def cpu_reading() -> dict[int, tuple[str, float]]:
    """{pid: (part, CPU seconds so far)} of every process."""
    reading = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        pid = int(stat.parent.name)
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        user, system = int(fields[11]), int(fields[12])  # utime, stime (proc(5), from field 3)
        reading[pid] = (_part(pid, command, name), (user + system) / TICKS)
    return reading


def cpu_used(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds per part between two readings."""
    used = {}
    for pid, (part, seconds) in after.items():
        used[part] = used.get(part, 0.0) + seconds - before.get(pid, (part, 0.0))[1]
    return used
