"""Load generators: wrk (Debian's) for pages, or a Python fallback where wrk is missing;
and an asyncio burst of POSTs that all arrive at once."""

import asyncio
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse
from http.client import HTTPConnection

WRK = shutil.which("wrk")


def _seconds(value: str, unit: str) -> float:
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def page_load(url: str, *, connections: int, seconds: float, headers: dict | None = None) -> dict:
    """Requests per second and p99 latency (ms) of GET url at `connections` at once."""
    if WRK:
        command = [WRK, "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p99 = re.search(r"99%\s+([\d.]+)(us|ms|s|m)\b", output)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        return {
            "rate": rate,
            "p99_ms": _seconds(*p99.groups()) * 1000,
            "errors": int(errors.group(1)) if errors else 0,
        }
    return _python_page_load(url, connections=connections, seconds=seconds, headers=headers or {})


def _python_page_load(url, *, connections, seconds, headers) -> dict:
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors = [], []
    deadline = time.monotonic() + seconds

    def client():
        connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - start) * 1000)
            if response.status >= 400:
                errors.append(response.status)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rate": len(latencies) / seconds,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1],
        "errors": len(errors),
    }


async def _post(host, port, request: bytes, start_line: asyncio.Event) -> tuple[int, float, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    await start_line.wait()
    started = time.perf_counter()
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = int(re.search(rb"Content-Length: (\d+)", head, re.I).group(1)) if b"Content-Length" in head else 0
    if length:
        await reader.readexactly(length)
    elapsed = (time.perf_counter() - started) * 1000
    writer.close()
    status = int(head.split(b" ", 2)[1])
    location = re.search(rb"Location: (\S+)", head)
    return status, elapsed, location.group(1) if location else b""


def burst(host: str, port: int, path: str, bodies: list[str], *, cookie: str) -> dict:
    """Every body POSTed at once, each on its own connection (opened beforehand)."""

    def request(body: str) -> bytes:
        payload = body.encode()
        return (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n"
            f"Origin: http://{host}:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
        ).encode() + payload

    async def run():
        start_line = asyncio.Event()
        tasks = [asyncio.create_task(_post(host, port, request(body), start_line)) for body in bodies]
        await asyncio.sleep(1.0)  # every connection open and waiting
        started = time.perf_counter()
        start_line.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return results, time.perf_counter() - started

    results, wall = asyncio.run(run())
    failures = [result for result in results if isinstance(result, BaseException)]
    answered = [result for result in results if not isinstance(result, BaseException)]
    latencies = sorted(elapsed for _status, elapsed, _location in answered)
    return {
        "wall_s": wall,
        "statuses": sorted({status for status, _elapsed, _location in answered}),
        "errors": len(failures) + sum(1 for status, _e, _l in answered if status != 302),
        "p50_ms": statistics.median(latencies) if latencies else None,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] if latencies else None,
    }
