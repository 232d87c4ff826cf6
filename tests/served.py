"""``marketplace serve`` in a child process on a database of the test's choosing, for tests
that need the real server: its workers, its start-up checks, its files."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from marketplace.cli import WORKER_STOP_TIMEOUT_S
from tests.conftest import run_cli
from tests.factories import product_terms

START_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 30.0


@dataclass
class Served:
    """A running server, and the insurer key the test acts with."""

    url: str
    process: subprocess.Popen[bytes]
    database: Path
    insurer: dict[str, str]

    def post_product(self, name: str) -> httpx.Response:
        terms = product_terms(name=name)
        return httpx.post(
            f"{self.url}/v1/products", headers=self.insurer, json=terms, timeout=REQUEST_TIMEOUT_S
        )

    def get(self, path: str) -> httpx.Response:
        return httpx.get(f"{self.url}{path}", headers=self.insurer, timeout=REQUEST_TIMEOUT_S)

    def product_names(self) -> set[str]:
        with contextlib.closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)) as db:
            return {name for (name,) in db.execute("SELECT name FROM products")}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(database: Path, port: int) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
        "MARKETPLACE_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "MARKETPLACE_PORT": str(port),
        "MARKETPLACE_LOG_FORMAT": "json",
        # A Stripe key, so the server starts no localstripe (none of this reaches Stripe).
        "MARKETPLACE_STRIPE_SECRET_KEY": "sk_test_served_unused",
        "MARKETPLACE_STRIPE_WEBHOOK_SECRET": "whsec_served_unused",
        "MARKETPLACE_STRIPE_API_BASE": "http://127.0.0.1:9",
    }


def prepared(folder: Path, keys_folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A migrated database in ``folder`` with the demo accounts: the server's environment, and
    the headers of an insurer's key."""
    env = server_environment(folder / "marketplace.db", free_port())
    run_cli(env, "migrate")
    lines = run_cli(env, "demo", "--keys-file", str(keys_folder / "keys.txt")).splitlines()
    insurer = next(line.split()[-1] for line in lines if line.strip().startswith("insurer"))
    return env, {"Authorization": f"Bearer {insurer}"}


def wait_until(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.2)


@contextlib.contextmanager
def serving(env: dict[str, str], headers: dict[str, str], log: Path) -> Iterator[Served]:
    """``marketplace serve`` with ``env``, its output in ``log``, until the block ends."""
    url = f"http://127.0.0.1:{env['MARKETPLACE_PORT']}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"],
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,  # its worker processes go with it, whatever happens
        )
        try:

            def up() -> bool:
                """The server answers, and every one of its processes has started (one stopped
                while starting would take ``WORKER_STOP_TIMEOUT_S`` to go)."""
                assert process.poll() is None, log.read_text()
                workers = int(env.get("MARKETPLACE_WORKERS", "1"))
                text = log.read_text(errors="replace")
                if not all(f"Started worker-{n}" in text for n in range(1, workers + 1)):
                    return False
                with contextlib.suppress(httpx.TransportError):
                    return httpx.get(f"{url}/health", timeout=1).status_code == 200
                return False

            wait_until(up, START_TIMEOUT_S, "the server answers")
            database = Path(env["MARKETPLACE_DATABASE_URL"].split(":///", 1)[1])
            yield Served(url, process, database, headers)
        finally:
            _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (as a supervisor stops it), SIGKILL if it is not
    gone once its own deadline for stopping workers has passed: no server process outlives the
    test, even one whose parent died first."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=WORKER_STOP_TIMEOUT_S + 30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
