"""A bounded load test of POST /api/chat on loopback, printed as a Markdown table.

    python benchmarks/load.py [--users 20] [--seconds 60] [--rate-limit 100000] [--max-requests 50000]
    python benchmarks/load.py --url http://127.0.0.1:7860      # an app that is already running

Unless --url is given, starts `app.py` itself on a free 127.0.0.1 port (index in a temporary folder)
with CAREER_RATE_LIMIT_PER_MINUTE set to --rate-limit: the default 100000 measures the answering path;
`--rate-limit 30` (the product default) shows the limiter at work. Each simulated user sends one
question after another (cycling through the in-scope questions of the development set) until the time
is up or --max-requests have been sent in total. 200s, intended 429s and everything else (other
statuses, timeouts, connection errors) are counted separately; latencies are of the 200s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "fixtures" / "dev.jsonl"
REQUEST_TIMEOUT = 30.0


@dataclass
class Result:
    users: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, of 200 responses
    limited: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> int:
        return len(self.latencies)

    @property
    def total(self) -> int:
        return self.ok + self.limited + sum(self.errors.values())

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]

    def summary(self) -> dict:
        return {"users": self.users, "seconds": round(self.seconds, 1), "requests": self.total, "ok": self.ok,
                "rate_limited_429": self.limited, "errors": sum(self.errors.values()), "error_kinds": self.errors,
                "throughput_ok_per_s": round(self.ok / self.seconds, 1) if self.seconds else 0.0,
                "p50_ms": round(self.percentile(0.50) * 1000, 1), "p95_ms": round(self.percentile(0.95) * 1000, 1),
                "mean_ms": round(statistics.fmean(self.latencies) * 1000, 1) if self.latencies else float("nan")}


def questions(path: Path = QUESTIONS) -> list[str]:
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [i["question"] for i in items if i.get("type") == "in_scope"] or ["What does a data engineer do?"]


async def run_load(url: str, users: int, seconds: float, max_requests: int, asked: list[str] | None = None) -> Result:
    """`users` concurrent loops against url/api/chat for `seconds`, at most `max_requests` in total."""
    asked = asked or questions()
    result = Result(users)
    issued = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)

    async def user(n: int, client: httpx.AsyncClient) -> None:
        nonlocal issued
        i = n
        while time.monotonic() < deadline and issued < max_requests:
            issued += 1
            question = asked[i % len(asked)]
            i += users
            start = time.perf_counter()
            try:
                r = await client.post(f"{url}/api/chat", json={"message": question})
                kind = "ok" if r.status_code == 200 else "429" if r.status_code == 429 else f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                kind = type(exc).__name__
            elapsed = time.perf_counter() - start
            if kind == "ok":
                result.latencies.append(elapsed)
            elif kind == "429":
                result.limited += 1
                await asyncio.sleep(0.2)  # a well-behaved client backs off a little
            else:
                result.errors[kind] = result.errors.get(kind, 0) + 1

    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT, limits=limits) as client:
        start = time.monotonic()
        await asyncio.gather(*(user(n, client) for n in range(users)))
        result.seconds = time.monotonic() - start
    return result


def markdown(result: Result, rate_limit: str) -> str:
    s = result.summary()
    errors = ", ".join(f"{k}: {v}" for k, v in s["error_kinds"].items()) or "none"
    rows = [("concurrent users", s["users"]), ("duration", f"{s['seconds']} s"), ("rate limit per client", rate_limit),
            ("requests sent", s["requests"]), ("answered (200)", s["ok"]), ("refused by the rate limit (429)", s["rate_limited_429"]),
            ("errors (anything else)", f"{s['errors']} ({errors})"), ("throughput (200s)", f"{s['throughput_ok_per_s']} req/s"),
            ("latency p50 (200s)", f"{s['p50_ms']} ms"), ("latency p95 (200s)", f"{s['p95_ms']} ms")]
    return "\n".join(["| measure | value |", "| --- | ---: |", *(f"| {k} | {v} |" for k, v in rows)])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_app(data_dir: Path, rate_limit: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CAREER_DATA_DIR": str(data_dir),
           "CAREER_RATE_LIMIT_PER_MINUTE": str(rate_limit), "GRADIO_ANALYTICS_ENABLED": "False"}
    log = log_path.open("w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], env=env, cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    for _ in range(600):  # bounded: at most 300 s
        if proc.poll() is not None or time.monotonic() > deadline:
            break
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"app.py did not start:\n{log_path.read_text()[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=50_000, help="upper bound on requests sent in total")
    parser.add_argument("--rate-limit", type=int, default=100_000,
                        help="CAREER_RATE_LIMIT_PER_MINUTE for the app this script starts (30 is the product default)")
    parser.add_argument("--url", help="load an app that is already running instead of starting one")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        proc = None
        url = args.url
        if not url:
            proc, url = _start_app(Path(tmp) / "data", args.rate_limit, Path(tmp) / "app.log")
        try:
            httpx.post(f"{url}/api/chat", json={"message": "What does a data engineer do?"}, timeout=60)  # warm up
            result = asyncio.run(run_load(url, args.users, args.seconds, args.max_requests))
        finally:
            if proc:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    limit = "as configured on the server" if args.url else str(args.rate_limit) + " per minute"
    print(json.dumps(result.summary()) if args.json else markdown(result, limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
