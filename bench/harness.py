"""What the load benchmarks share: the server as ``make run`` starts it, wrk, memory."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from rich.console import Console

CONSOLE = Console(highlight=False, soft_wrap=True)


def say(text: str) -> None:
    """Write a line of the report to the terminal."""
    CONSOLE.print(text, markup=False)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("wrk not found: installing it from Debian's packages")
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


def server_environment(database: Path, port: int, **settings: str) -> dict[str, str]:
    """The environment ``make run`` would give the server: embedded SQLite, JSON logs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")}
    env |= {
        "MARKETPLACE_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "MARKETPLACE_PORT": str(port),
        "MARKETPLACE_LOG_FORMAT": "json",
    }
    return env | {f"MARKETPLACE_{name.upper()}": value for name, value in settings.items()}


@contextlib.contextmanager
def serving(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``marketplace serve`` running (migrated already), stopped on the way out."""
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"], env=env, stdout=log, stderr=log
        )
        try:
            wait_until_up(f"http://127.0.0.1:{env['MARKETPLACE_PORT']}", server)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


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
    binary: str, url: str, connections: int, seconds: int, env: dict[str, str], script: Path | None
) -> dict[str, float]:
    """One wrk phase (one thread: the other core is the server's); its rate and latencies."""
    command = [binary, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
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
