"""Event delivery benchmark: one worker, one endpoint, a fast local receiver.

    .venv/bin/python bench/events.py [--events 20000] [--concurrency 100]

Phase 1: ``--events`` events are put in the outbox of a fresh SQLite database (as ``make run``
keeps it) for one endpoint; one worker, in this process as ``marketplace worker`` runs it,
fans them out, signs and sends them to the receiver (``bench/receiver.py``, a raw HTTP/1.1
server in a process of its own) and records every attempt. Reported: deliveries/s from the
worker's start until the last delivery is recorded as succeeded (target >= 2,000/s).

Phase 2: the same, against a receiver that fails 30 % of requests at random, with the retry
schedule scaled down 36,000 times (1 s stands for 10 h; a parameter of the worker, not a code
change). Reported: every event delivered or given up only after its 10 attempts (at 30 %
failures about 0.1 of 20,000 are expected to fail 10 times running), every ``webhook-id``
seen by the receiver, none lost.

Beforehand, the ceiling in the same run: a bare aiohttp session (the worker's HTTP client)
posting event-sized bodies to the same receiver, as many at once as the worker sends to one
endpoint, with no database, signing or bookkeeping. The worker's rate is reported as a share
of it, which says more than the absolute figure on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from harness import free_port, marketplace, say, server_environment
from sqlalchemy import insert

from marketplace.config import load_settings
from marketplace.db import Database, create_engine
from marketplace.events.retries import RETRY_DELAYS_S, RetryPolicy
from marketplace.events.running import run_loop
from marketplace.events.worker import WorkerOptions, delivery_worker
from marketplace.kit.ids import new_id
from marketplace.models import Account, Event, WebhookEndpoint

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
RECEIVER = ROOT / "bench" / "receiver.py"
TARGET_PER_S = 2000
FAIL_RATIO = 0.3
SCHEDULE_SCALE = 36_000
SECRET = "whsec_YmVuY2htYXJrLXNlY3JldC1mb3ItZXZlbnRz"
POLL_S = 0.25
DEFAULTS = WorkerOptions()


def _cover(number: int) -> dict[str, Any]:
    """A cover shaped like the API's (about 1 KB of JSON)."""
    return {
        "id": new_id("cover"),
        "object": "cover",
        "livemode": False,
        "status": "active",
        "quote": new_id("quote"),
        "offer": new_id("offer"),
        "buyer": new_id("buyer"),
        "product": new_id("product"),
        "insurer": new_id("account"),
        "seller": None,
        "currency": "EUR",
        "invoice": {"number": f"BENCH-{number}", "amount": 1_250_000, "due_date": "2027-01-24"},
        "cover_ratio": 0.9,
        "insured_amount": 1_125_000,
        "premium": 4219,
        "premium_rate_bps": 34,
        "waiting_period_days": 150,
        "claim_threshold_days": 60,
        "certificate_number": f"CERT-{number:08d}",
        "payment": {
            "provider": "stripe",
            "payment_intent": f"pi_bench{number:016d}",
            "client_secret": None,
            "status": "succeeded",
            "refunded": 0,
        },
        "created_at": "2026-11-28T10:00:00Z",
        "updated_at": "2026-11-28T10:00:01Z",
    }


def _event(number: int, account_id: str, now: dt.datetime) -> dict[str, Any]:
    cover = _cover(number)
    return {
        "id": new_id("event"),
        "livemode": False,
        "type": "cover.activated",
        "object_type": "cover",
        "object_id": cover["id"],
        "sequence": 1,
        "account_id": account_id,
        "seller_id": None,
        "insurer_id": None,
        "data": {"object": cover, "previous_attributes": {"status": "pending_payment"}},
        "fanned_out_at": None,
        "created_at": now,
    }


async def _fill_outbox(database: Database, events: int, url: str) -> None:
    """A platform, its endpoint for every event, and ``events`` events not fanned out yet."""
    now, account_id = dt.datetime.now(dt.UTC), new_id("account")
    async with database.writer_session() as session:
        session.add(Account(id=account_id, role="platform", name="Bench", created_at=now))
        await session.flush()
        session.add(
            WebhookEndpoint(
                id=new_id("webhook_endpoint"),
                livemode=False,
                account_id=account_id,
                url=url,
                enabled_events=["*"],
                description=None,
                status="enabled",
                secret=SECRET,
                created_at=now,
                updated_at=now,
            )
        )
        for start in range(0, events, 2000):
            batch = [_event(n, account_id, now) for n in range(start, min(events, start + 2000))]
            await session.execute(insert(Event), batch)
        await session.commit()


def _finished(path: Path) -> int:
    """Deliveries no longer pending (read from another connection, as an operator would)."""
    with sqlite3.connect(path) as connection:
        query = "SELECT count(*) FROM webhook_deliveries WHERE status != 'pending'"
        return int(connection.execute(query).fetchone()[0])


def _last_settled(path: Path) -> dt.datetime:
    """When the last delivery was settled, as the worker recorded it."""
    with sqlite3.connect(path) as connection:
        text = connection.execute("SELECT max(updated_at) FROM webhook_deliveries").fetchone()[0]
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        statuses = dict(
            connection.execute("SELECT status, count(*) FROM webhook_deliveries GROUP BY status")
        )
        attempts = connection.execute("SELECT count(*) FROM webhook_attempts").fetchone()[0]
    return {
        "succeeded": int(statuses.get("succeeded", 0)),
        "failed": int(statuses.get("failed", 0)),
        "pending": int(statuses.get("pending", 0)),
        "attempts": int(attempts),
    }


async def _deliver(
    url: str, path: Path, events: int, policy: RetryPolicy, options: WorkerOptions
) -> float:
    """Run one worker until every delivery is settled; the seconds from its start to the
    last delivery settled (as recorded: the polling here only says when to stop)."""
    database = Database(create_engine(load_settings({}, database_url=url)))
    try:
        async with delivery_worker(database, options, policy=policy) as worker:
            stop = asyncio.Event()
            started = dt.datetime.now(dt.UTC)
            running = asyncio.create_task(worker.run(stop))
            # The count is read from another connection: nothing to await but time.
            while await asyncio.to_thread(_finished, path) < events:  # noqa: ASYNC110
                await asyncio.sleep(POLL_S)
            stop.set()
            await running
    finally:
        await database.dispose()
    return (_last_settled(path) - started).total_seconds()


def _receiver(port: int, fail_ratio: float) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(RECEIVER), f"--port={port}", f"--fail-ratio={fail_ratio}"]
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/stats", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    sys.exit("the receiver did not start")


async def _bare_client(url: str, requests: int, in_flight: int) -> float:
    """Requests/s of a bare aiohttp session posting event-sized bodies to ``url``."""
    body = json.dumps({"type": "cover.activated", "data": {"object": _cover(0)}}).encode()
    gate = asyncio.Semaphore(in_flight)
    async with aiohttp.ClientSession() as session:

        async def post(number: int) -> None:
            headers = {"webhook-id": f"msg_{number}"}
            async with gate, session.post(url, data=body, headers=headers) as answer:
                await answer.read()

        started = time.perf_counter()
        await asyncio.gather(*(post(number) for number in range(requests)))
        return requests / (time.perf_counter() - started)


def ceiling(requests: int, in_flight: int) -> float:
    port = free_port()
    receiver = _receiver(port, 0.0)
    try:
        return run_loop(_bare_client(f"http://127.0.0.1:{port}/hooks", requests, in_flight))
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)


def phase(
    work: Path,
    name: str,
    events: int,
    fail_ratio: float,
    policy: RetryPolicy,
    options: WorkerOptions,
) -> dict[str, Any]:
    path = work / f"{name}.db"
    env = server_environment(path, free_port())
    marketplace(env, "migrate")
    url, port = env["MARKETPLACE_DATABASE_URL"], free_port()
    receiver = _receiver(port, fail_ratio)
    try:
        setup = Database(create_engine(load_settings({}, database_url=url)))
        asyncio.run(_fill_and_close(setup, events, f"http://127.0.0.1:{port}/hooks"))
        elapsed_s = run_loop(_deliver(url, path, events, policy, options))  # as the CLI runs it
        seen = httpx.get(f"http://127.0.0.1:{port}/stats").json()
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)
    counts = _counts(path)
    return {
        "events": events,
        "fail_ratio": fail_ratio,
        "seconds": round(elapsed_s, 3),
        "deliveries_per_s": round(counts["succeeded"] / elapsed_s, 1),
        "attempts_per_s": round(counts["attempts"] / elapsed_s, 1),
        **counts,
        "receiver": seen,
    }


async def _fill_and_close(database: Database, events: int, url: str) -> None:
    try:
        await _fill_outbox(database, events, url)
    finally:
        await database.dispose()


def report(result: dict[str, Any]) -> None:
    clean, faulty = result["clean"], result["faulty"]
    lost = faulty["events"] - faulty["succeeded"] - faulty["failed"]
    share = clean["deliveries_per_s"] / result["bare_client_per_s"]
    lines = [
        f"one worker, one endpoint, {clean['events']:,} events, concurrency"
        f" {result['concurrency']} ({result['per_endpoint']} per endpoint), SQLite",
        f"clean receiver      {clean['deliveries_per_s']:>9,.0f} deliveries/s"
        f" (target >= {TARGET_PER_S:,}); {clean['succeeded']:,} delivered in"
        f" {clean['seconds']:.1f} s, {clean['attempts']:,} attempts",
        f"bare aiohttp client {result['bare_client_per_s']:>9,.0f} requests/s to the same"
        f" receiver, {result['per_endpoint']} at once: the worker reaches {share:.0%} of it",
        f"30 % failures       {faulty['attempts_per_s']:>9,.0f} attempts/s;"
        f" {faulty['succeeded']:,} delivered, {faulty['failed']} given up after 10 attempts,"
        f" {lost} lost, in {faulty['seconds']:.1f} s",
        f"  {faulty['attempts']:,} attempts ({faulty['attempts'] - faulty['events']:,} retries);"
        f" receiver: {faulty['receiver']['requests']:,} requests,"
        f" {faulty['receiver']['failed']:,} answered 500,"
        f" {faulty['receiver']['distinct_ids']:,} distinct webhook-ids",
    ]
    say("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=DEFAULTS.concurrency)
    parser.add_argument("--per-endpoint", type=int, default=DEFAULTS.per_endpoint)
    options = parser.parse_args()
    worker = dataclasses.replace(
        DEFAULTS, concurrency=options.concurrency, per_endpoint=options.per_endpoint
    )
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-events-"))
    short = RetryPolicy(delays_s=tuple(d / SCHEDULE_SCALE for d in RETRY_DELAYS_S))
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "concurrency": worker.concurrency,
        "per_endpoint": worker.per_endpoint,
        "bare_client_per_s": round(ceiling(options.events, worker.per_endpoint), 1),
        "clean": phase(work, "clean", options.events, 0.0, RetryPolicy(), worker),
        "faulty": phase(work, "faulty", options.events, FAIL_RATIO, short, worker),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "events.json").write_text(json.dumps(result, indent=2) + "\n")
    report(result)


if __name__ == "__main__":
    main()
