"""Stripe webhook benchmark: signed ``payment_intent.succeeded`` deliveries, each activating a
different pending cover, posted by wrk to the server as ``make run`` starts it.

    .venv/bin/python bench/webhooks.py [--seconds 10] [--covers 6000]

The covers are made for real once (a quote and a bind through the API) and then copied in the
database as pending covers, each with its own PaymentIntent really paid at the embedded Stripe;
every delivery is signed with the stripe library's own code and the server verifies it, reads
the PaymentIntent back from Stripe, stores the event id once and activates the cover in one
transaction. Reports webhooks/s next to ``/health`` in the same run, and checks that every
acknowledged delivery activated exactly one cover.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import stripe
from harness import (
    ensure_wrk,
    free_port,
    marketplace,
    resident_mb,
    say,
    server_environment,
    serving,
    wrk,
)

from marketplace.config import load_settings
from marketplace.kit.ids import new_id
from marketplace.payments.gateway import STRIPE_API_VERSION, StripeGateway
from marketplace.payments.localstripe import LOCALSTRIPE_SECRET_KEY, LocalStripe

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SCRIPT = ROOT / "bench" / "webhook.lua"
WEBHOOK_SECRET = "whsec_bench_" + "b" * 24
TARGET_PER_S = 1000


def _headers(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _first_cover(url: str, keys: dict[str, str], seller: str) -> dict[str, Any]:
    """One real cover, bound through the API by the platform for its seller, to copy."""
    today = dt.datetime.now(dt.UTC).date()
    body = {
        "seller": seller,
        "invoice": {
            "number": "BENCH-1",
            "amount": 1_250_000,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=60)).isoformat(),
        },
        "buyer": {
            "country": "FR",
            "registration_number": "BENCHWEBHOOK",
            "sector": "C",
            "employees": 40,
            "years_in_business": 10,
        },
    }
    quote = httpx.post(f"{url}/v1/quotes", headers=_headers(keys["platform"]), json=body).json()
    bind = {"quote": quote["id"], "offer": quote["offers"][0]["id"]}
    response = httpx.post(
        f"{url}/v1/covers", headers=_headers(keys["platform"]), json=bind, timeout=30
    )
    response.raise_for_status()
    return dict(response.json())


async def _paid_intents(api_base: str, cover_ids: list[str], premium: int) -> list[str]:
    """One PaymentIntent paid at the embedded Stripe for each cover (20 at a time)."""
    settings = load_settings({}, stripe_secret_key=LOCALSTRIPE_SECRET_KEY, stripe_api_base=api_base)
    gateway, gate = StripeGateway.from_settings(settings), asyncio.Semaphore(20)

    async def pay(cover_id: str) -> str:
        async with gate:
            created = await gateway.create_payment_intent(
                amount_minor=premium,
                currency="EUR",
                metadata={"cover_id": cover_id},
                idempotency_key=f"{cover_id}_premium",
                payment_method="pm_card_visa",
            )
            await gateway.confirm_payment_intent(created.id, idempotency_key=f"{cover_id}_pay")
            return created.id

    try:
        return list(await asyncio.gather(*(pay(cover_id) for cover_id in cover_ids)))
    finally:
        await gateway.close()


def _copy_covers(database: Path, cover_id: str, count: int, api_base: str) -> list[tuple[str, str]]:
    """``count`` pending covers like ``cover_id`` (each on an invoice of its own), each with
    its own PaymentIntent paid at the embedded Stripe."""
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        row = dict(connection.execute("SELECT * FROM covers WHERE id = ?", (cover_id,)).fetchone())
        ids = [new_id("cover") for _ in range(count)]
        intents = asyncio.run(_paid_intents(api_base, ids, row["premium_minor"]))
        made = []
        for number, (copy_id, intent_id) in enumerate(zip(ids, intents, strict=True)):
            copy = row | {
                "id": copy_id,
                "payment_intent_id": intent_id,
                "invoice_number_key": f"{row['invoice_number_key']}#{number}",
            }
            made.append((copy["id"], copy["payment_intent_id"]))
            columns = ", ".join(copy)
            connection.execute(
                f"INSERT INTO covers ({columns}) VALUES ({', '.join('?' * len(copy))})",
                list(copy.values()),
            )
    return made


def _signed_events(covers: list[tuple[str, str]], premium: int, path: Path) -> None:
    """One signed delivery a line: ``signature<TAB>body``."""
    now = int(time.time())
    with path.open("w") as out:
        for cover_id, intent_id in covers:
            body = json.dumps(
                {
                    "id": new_id("event").replace("evt_", "evt_bench"),
                    "object": "event",
                    "api_version": STRIPE_API_VERSION,
                    "created": now,
                    "livemode": False,
                    "type": "payment_intent.succeeded",
                    "pending_webhooks": 1,
                    "data": {
                        "object": {
                            "id": intent_id,
                            "object": "payment_intent",
                            "amount": premium,
                            "currency": "eur",
                            "status": "succeeded",
                            "client_secret": None,
                            "last_payment_error": None,
                            "metadata": {"cover_id": cover_id},
                        }
                    },
                },
                separators=(",", ":"),
            )
            header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET, now)
            out.write(f"{header}\t{body}\n")


def _count(database: Path, query: str) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute(query).fetchone()[0])


def run(seconds: int, covers: int) -> dict[str, Any]:
    binary = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-webhooks-"))
    database, port = work / "marketplace.db", free_port()
    with LocalStripe.start(port=0, data_path=work / "localstripe.pickle") as localstripe:
        env = server_environment(
            database,
            port,
            stripe_secret_key=LOCALSTRIPE_SECRET_KEY,
            stripe_api_base=localstripe.api_base,
            stripe_webhook_secret=WEBHOOK_SECRET,
        )
        marketplace(env, "migrate")
        lines = marketplace(env, "demo", "--keys-file", str(work / "keys.txt")).splitlines()
        keys = {line.split()[0]: line.split()[-1] for line in lines if "mk_test_" in line}
        seller = next(line.split()[-2] for line in lines if line.strip().startswith("seller"))
        url = f"http://127.0.0.1:{port}"
        with serving(env, work / "server.log") as server:
            first = _first_cover(url, keys, seller)
            made = _copy_covers(database, first["id"], covers, localstripe.api_base)
            _signed_events(made, first["premium"], work / "events.txt")
            hooks_env = {**env, "BENCH_EVENTS": str(work / "events.txt")}
            health = wrk(binary, f"{url}/health", 50, seconds, env, None)
            webhooks = wrk(binary, f"{url}/v1/webhooks/stripe", 50, seconds, hooks_env, SCRIPT)
            memory_mb = resident_mb(server.pid)
    acknowledged = int(webhooks["requests"] - webhooks["non_2xx"])
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds_per_phase": seconds,
        "covers_prepared": covers,
        "health_50": health,
        "webhooks_50": webhooks,
        "server_rss_mb": memory_mb,
        "acknowledged": acknowledged,
        "events_stored": _count(
            database, "SELECT count(*) FROM stripe_events WHERE id LIKE 'evt_bench%'"
        ),
        "covers_activated": _count(database, "SELECT count(*) FROM covers WHERE status = 'active'"),
    }


def report(result: dict[str, Any]) -> None:
    health, hooks = result["health_50"], result["webhooks_50"]
    share = hooks["requests_per_s"] / health["requests_per_s"]
    lines = [
        f"/health, 50 connections           {health['requests_per_s']:>9,.0f} req/s",
        f"Stripe webhooks, 50 connections   {hooks['requests_per_s']:>9,.0f} /s"
        f" (target >= {TARGET_PER_S:,}; {share:.0%} of /health)",
        f"  latency p50 {hooks['p50_ms']:.1f} ms, p99 {hooks['p99_ms']:.1f} ms;"
        f" non-2xx {hooks['non_2xx']}",
        f"acknowledged {result['acknowledged']:,}, events stored once {result['events_stored']:,},"
        f" covers activated {result['covers_activated']:,}",
        f"server resident memory            {result['server_rss_mb']:>9.0f} MB",
    ]
    say("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--covers", type=int, default=6_000)
    options = parser.parse_args()
    result = run(options.seconds, options.covers)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "webhooks.json").write_text(json.dumps(result, indent=2) + "\n")
    report(result)


if __name__ == "__main__":
    main()
