"""Load benchmark: the server as ``make run`` starts it, driven by wrk over loopback.

Reports, from one run: ``/health`` requests/s at 50 connections, quote requests/s at 50
connections (and the ratio to ``/health``), quote latency p50/p99 at 10 connections, the server's
resident memory, and a check that every answered quote is persisted.

    .venv/bin/python bench/load.py [--seconds 10]

wrk comes from Debian's packages (installed here when missing and run as root). Every phase is
bounded in time and talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
QUOTE_SCRIPT = ROOT / "bench" / "quote.lua"
TARGET_P99_MS = 10.0
TARGET_QUOTE_SHARE = 0.25


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk not found: installing it from Debian's packages")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is needed: apt-get install wrk")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def marketplace(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "marketplace", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def demo_platform(env: dict[str, str], keys_file: Path) -> tuple[str, str]:
    """The demo platform's key and its seller's account id, as make run prints them."""
    lines = marketplace(env, "demo", "--keys-file", str(keys_file)).splitlines()
    platform = next(line.split() for line in lines if line.strip().startswith("platform"))
    seller = next(line.split() for line in lines if line.strip().startswith("seller"))
    return platform[-1], seller[-2]


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the server exited during start-up")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    sys.exit("the server did not start")


def wrk(
    binary: str, url: str, connections: int, seconds: int, env: dict[str, str], script: bool
) -> dict[str, float]:
    command = [binary, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", str(QUOTE_SCRIPT)]
    output = subprocess.run(
        [*command, url], env=env, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    return parse_wrk(output)


def _milliseconds(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output: str) -> dict[str, float]:
    requests = re.search(r"(\d+) requests in", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    latency = {
        percent: _milliseconds(value, unit)
        for percent, value, unit in re.findall(r"\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)", output)
    }
    if not (requests and rate):
        sys.exit(f"could not read wrk's output:\n{output}")
    return {
        "requests": int(requests.group(1)),
        "requests_per_s": float(rate.group(1)),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "p50_ms": latency.get("50", float("nan")),
        "p99_ms": latency.get("99", float("nan")),
    }


def resident_mb(pid: int) -> float:
    """The resident memory of a process and its children (granian's workers), in MB."""
    total_kb = 0
    for candidate in [pid, *children(pid)]:
        status = Path(f"/proc/{candidate}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            total_kb += int(match.group(1)) if match else 0
    return total_kb / 1024


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    direct = [int(p) for p in found.read_text().split()] if found.exists() else []
    return direct + [grandchild for child in direct for grandchild in children(child)]


def count_quotes(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("SELECT count(*) FROM quotes").fetchone()[0])


def run(seconds: int) -> dict[str, Any]:
    binary = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-"))
    database = work / "marketplace.db"
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
        "MARKETPLACE_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "MARKETPLACE_PORT": str(port),
        "MARKETPLACE_LOG_FORMAT": "json",
    }
    marketplace(env, "migrate")
    key, seller = demo_platform(env, work / "demo-keys.txt")
    url = f"http://127.0.0.1:{port}"
    with (work / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"], env=env, stdout=log, stderr=log
        )
        try:
            wait_until_up(url, server)
            today = dt.datetime.now(dt.UTC).date()
            lua_env = {
                **env,
                "BENCH_KEY": key,
                "BENCH_SELLER": seller,
                "BENCH_ISSUE": today.isoformat(),
                "BENCH_DUE": (today + dt.timedelta(days=60)).isoformat(),
            }
            wrk(binary, f"{url}/v1/quotes", 10, min(seconds, 3), lua_env, script=True)  # warm-up
            health = wrk(binary, f"{url}/health", 50, seconds, env, script=False)
            quotes_50 = wrk(binary, f"{url}/v1/quotes", 50, seconds, lua_env, script=True)
            memory_mb = resident_mb(server.pid)
            quotes_10 = wrk(binary, f"{url}/v1/quotes", 10, seconds, lua_env, script=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    answered = sum(int(p["requests"] - p["non_2xx"]) for p in (quotes_50, quotes_10))
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds_per_phase": seconds,
        "health_50": health,
        "quotes_50": quotes_50,
        "quotes_10": quotes_10,
        "quote_to_health_ratio": quotes_50["requests_per_s"] / health["requests_per_s"],
        "server_rss_mb": memory_mb,
        "quotes_persisted": count_quotes(database),
        "quotes_answered_2xx_measured": answered,
    }


def report(result: dict[str, Any]) -> None:
    health, q50, q10 = result["health_50"], result["quotes_50"], result["quotes_10"]
    ratio = result["quote_to_health_ratio"]
    lines = [
        f"/health, 50 connections     {health['requests_per_s']:>10,.0f} req/s",
        f"POST /v1/quotes, 50 conn.   {q50['requests_per_s']:>10,.0f} req/s"
        f"  ({ratio:.0%} of /health; target >= {TARGET_QUOTE_SHARE:.0%})"
        f"  non-2xx {q50['non_2xx']}",
        f"POST /v1/quotes, 10 conn.   {q10['requests_per_s']:>10,.0f} req/s"
        f"  p50 {q10['p50_ms']:.2f} ms, p99 {q10['p99_ms']:.2f} ms"
        f" (target p99 <= {TARGET_P99_MS:.0f} ms)  non-2xx {q10['non_2xx']}",
        f"server resident memory      {result['server_rss_mb']:>10.0f} MB (target <= 300 MB)",
        f"quotes persisted            {result['quotes_persisted']:>10,}"
        f" (2xx in the measured phases: {result['quotes_answered_2xx_measured']:,},"
        " plus the warm-up)",
    ]
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured phase")
    options = parser.parse_args()
    result = run(options.seconds)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    report(result)


if __name__ == "__main__":
    main()
