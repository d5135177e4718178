"""Counting requests in fixed windows of the shared cache: the rates are written as in
the settings ("60/h", "30/15m"), and each counter's key names its window, so that every
process sharing the cache (CACHE_URL=redis://...) counts into the same one."""

import hashlib
import re
import time

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")


def parse_rate(rate: str) -> tuple[int, int]:
    """ "60/h" -> (60, 3600); "5/10m" -> (5, 600)."""
    match = RATE.match(rate)
    if not match:
        raise ValueError(f"A rate is written like 60/h or 5/10m, not {rate!r}.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * PERIODS[unit]


def window_key(prefix: str, value: str, period: int) -> str:
    """The counter of `value` in the current window of `period` seconds (hashed: a value
    may be an address, which the cache need not hold)."""
    window = int(time.time()) // period
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"{prefix}:{period}:{window}:{digest}"
