"""A quote acknowledged is a quote stored: kill -9 the server during a burst of quotes, then
count. Quotes are written through the group commit (``kit.group_commit``): an answer leaves
only once its batch is committed, so none that was answered may be missing after the crash."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.conftest import run_cli
from tests.served import free_port, server_environment, serving, wait_until

CLIENTS = 16
ANSWERS_BEFORE_THE_CRASH = 300


def _quote_body(seller: str, n: int) -> dict[str, object]:
    today = dt.datetime.now(dt.UTC).date()
    return {
        "seller": seller,
        "invoice": {
            "number": f"CRASH-{n}",
            "amount": 500_000 + n,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=60)).isoformat(),
        },
        "buyer": {
            "country": "FR",
            "registration_number": f"CRASH{n % 150:05d}",
            "name": f"Crash Buyer {n % 150}",
            "sector": "C",
            "years_in_business": 8,
            "annual_revenue": 80_000_000 + n % 150,
        },
    }


def _burst_then_kill(url: str, key: str, seller: str, pid: int) -> list[dict[str, object]]:
    """Quotes posted by ``CLIENTS`` threads; the moment the ``ANSWERS_BEFORE_THE_CRASH``th answer
    arrives, SIGKILL to the whole server, with other requests in flight. The 201 answers."""
    answered: list[dict[str, object]] = []
    counter = iter(range(10**9))
    lock = threading.Lock()
    stop = threading.Event()

    def client() -> None:
        with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
            while not stop.is_set():
                with lock:
                    n = next(counter)
                with contextlib.suppress(httpx.TransportError):  # the crash cuts requests off
                    response = http.post(f"{url}/v1/quotes", json=_quote_body(seller, n))
                    if response.status_code == 201:
                        with lock:
                            answered.append(response.json())
                            if len(answered) == ANSWERS_BEFORE_THE_CRASH:  # at once: mid-batch
                                os.killpg(pid, signal.SIGKILL)

    with ThreadPoolExecutor(CLIENTS) as pool:
        for _ in range(CLIENTS):
            pool.submit(client)
        try:
            wait_until(lambda: len(answered) >= ANSWERS_BEFORE_THE_CRASH, 120, "quotes answered")
        finally:
            stop.set()
    return answered


def test_every_quote_answered_before_a_kill_9_is_stored(tmp_path: Path) -> None:
    database = tmp_path / "marketplace.db"
    env = server_environment(database, free_port())
    run_cli(env, "migrate")
    lines = run_cli(env, "demo", "--keys-file", str(tmp_path / "keys.txt")).splitlines()
    platform = next(line.split() for line in lines if line.strip().startswith("platform"))
    seller = next(line.split() for line in lines if line.strip().startswith("seller"))
    with serving(env, {}, tmp_path / "server.log") as served:
        answered = _burst_then_kill(served.url, platform[-1], seller[-2], served.process.pid)
        assert served.process.wait(timeout=30) == -signal.SIGKILL
    assert len(answered) >= ANSWERS_BEFORE_THE_CRASH
    with contextlib.closing(sqlite3.connect(database)) as db:
        stored = {
            quote_id: (features, offers)
            for quote_id, features, offers in db.execute(
                "SELECT q.id, q.features, (SELECT count(*) FROM offers o WHERE o.quote_id = q.id)"
                " FROM quotes q"
            )
        }
    missing = [a["id"] for a in answered if a["id"] not in stored]
    assert missing == [], f"{len(missing)} answered quotes were lost in the crash"
    for answer in answered:
        features, offers = stored[str(answer["id"])]
        assert len(json.loads(features)) > 0
        assert offers == len(answer["offers"])  # type: ignore[arg-type]
