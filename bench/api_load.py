"""Load test of the JSON API: /api/events at a fixed request rate.

Starts the real server (uvicorn, one process, loopback, free port) over a database given as argument
or built from examples/corpus, then fires requests on an open-loop schedule (a request every 1/rate s
whether or not earlier ones have finished, so a slow server cannot slow the load down and hide its
own latency). Latency is measured from each request's scheduled time.

    python bench/api_load.py [--db sqlite:///dyad.db] [--rate 200] [--duration 30] [--p99-ms 200]

Exit status 1 when the targets are missed: achieved rate below 97% of --rate, any error, or
p99 latency at or above --p99-ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

REPO = Path(__file__).resolve().parents[1]
# A mix of realistic queries so the benchmark is not one cached plan hitting one page.
QUERIES = [
    {},
    {"country": ["KAZ", "UZB"]},
    {"type": "visit"},
    {"from": "2024-06", "to": "2025-12"},
    {"q": "council"},
    {"country": "TUR", "limit": 5, "offset": 2},
]
SERVER = (
    "import sys, uvicorn\n"
    "from dyad.api.app import create_app\n"
    # No access log: printing 200 lines a second would measure the terminal, not the server.
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning',"
    " access_log=False)\n"
)


def build_sample_db(folder: Path) -> str:
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    url = f"sqlite:///{folder / 'bench.db'}"
    report = ingest([str(REPO / "examples" / "corpus")], open_db(url))
    if report.errors:
        raise SystemExit(f"cannot build the sample database: {report.errors}")
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, db_url, str(port)], env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start within 30 s")


class Connection:
    """A minimal HTTP/1.1 keep-alive client for GET requests.

    Why not httpx.AsyncClient for the load itself: on a small machine the load generator shares the CPUs
    with the server, and httpx spends about as much CPU per request as the server does, so the benchmark
    would mostly measure itself. This costs a few microseconds per request. httpx still checks readiness.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n"
                          .encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def drive(base: str, rate: float, duration: float, connections: int = 32
                ) -> tuple[list[float], int, float]:
    host, port = base.removeprefix("http://").split(":")
    paths = ["/api/events?" + urlencode(q, doseq=True) for q in QUERIES]
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()

    async def worker() -> None:
        nonlocal errors
        conn = Connection(host, int(port))
        while (job := await queue.get()) is not None:
            i, scheduled = job
            try:
                status, body = await conn.get(paths[i % len(paths)])
                if status != 200 or not body.startswith(b'{"total"'):
                    errors += 1
                else:
                    latencies.append(time.perf_counter() - scheduled)
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                errors += 1
                await conn.close()
        await conn.close()

    warm = Connection(host, int(port))
    for i in range(30):  # warm-up: connection, SQLite page cache, first-request imports
        await warm.get(paths[i % len(paths)])
    await warm.close()
    workers = [asyncio.create_task(worker()) for _ in range(connections)]
    total = int(rate * duration)
    start = time.perf_counter()
    for i in range(total):
        # Open loop: each request has a fixed slot; if the server falls behind, the queue (and so the
        # measured latency, taken from the slot) grows instead of the load quietly dropping.
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((i, scheduled))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", nargs="?", help="database URL (default: build one from examples/corpus)")
    ap.add_argument("--db", dest="db_opt", help="database URL (same as the positional argument)")
    ap.add_argument("--rate", type=float, default=200.0, help="target requests per second (200)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load (30)")
    ap.add_argument("--p99-ms", type=float, default=200.0, help="p99 latency target in ms (200)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        db_url = args.db or args.db_opt
        if not db_url:
            print("building a database from examples/corpus ...", flush=True)
            db_url = build_sample_db(Path(tmp))
        proc, base = start_server(db_url)
        try:
            print(f"server {base} over {db_url}; driving /api/events at {args.rate:g} req/s for "
                  f"{args.duration:g} s", flush=True)
            latencies, errors, elapsed = asyncio.run(drive(base, args.rate, args.duration))
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    sent = int(args.rate * args.duration)
    achieved = len(latencies) / elapsed if elapsed else 0.0
    ms = [x * 1000 for x in latencies]
    p50, p95, p99 = (percentile(ms, p) for p in (50, 95, 99))
    print(f"requests   {sent} sent, {len(latencies)} ok, {errors} errors in {elapsed:.1f} s")
    print(f"rate       {achieved:.1f} req/s achieved (target {args.rate:g})")
    print(f"latency    p50 {p50:.1f} ms   p95 {p95:.1f} ms   p99 {p99:.1f} ms   max {max(ms, default=0):.1f} ms"
          f"   mean {statistics.fmean(ms) if ms else float('nan'):.1f} ms")
    failures = []
    if achieved < 0.97 * args.rate:
        failures.append(f"rate {achieved:.1f} < {args.rate:g} req/s")
    if errors:
        failures.append(f"{errors} errors")
    if not p99 < args.p99_ms:
        failures.append(f"p99 {p99:.1f} ms >= {args.p99_ms:g} ms")
    print("result     " + ("FAIL: " + "; ".join(failures) if failures else "PASS"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
