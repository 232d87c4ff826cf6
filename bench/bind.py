"""The project's own time per bind, Stripe's round trip excluded.

    .venv/bin/python bench/bind.py [--binds 300]

Binds offers with a test card one after another through the API in-process, against a real
localstripe, and times each request and, inside it, the Stripe calls (the PaymentIntent's
creation and its confirmation): own time = request time - Stripe time. Reports median and p99
next to the Stripe calls'.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from harness import say

from marketplace.app import create_app
from marketplace.config import Settings, load_settings
from marketplace.db import Database, create_engine
from marketplace.demo import ensure_demo
from marketplace.migrations import upgrade
from marketplace.payments.gateway import StripeGateway
from marketplace.payments.localstripe import LOCALSTRIPE_SECRET_KEY, LocalStripe

TARGET_OWN_MS = 2.0
stripe_seconds: list[float] = []


def _timed(call: Any) -> Any:
    """The gateway method, with its time added to the current bind's Stripe time."""

    async def timed(self: StripeGateway, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await call(self, *args, **kwargs)
        finally:
            stripe_seconds[-1] += time.perf_counter() - started

    return timed


def _quote_body(seller: str, number: int) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    return {
        "seller": seller,
        "invoice": {
            "number": f"B-{number}",
            "amount": 1_250_000,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=60)).isoformat(),
        },
        "buyer": {"country": "FR", "registration_number": f"BIND{number:05d}", "sector": "C"},
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(binds: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-bind-"))
    with LocalStripe.start(port=0, data_path=work / "localstripe.pickle") as localstripe:
        settings = load_settings(
            {},
            database_url=f"sqlite+aiosqlite:///{work}/m.db",
            log_level="warning",
            stripe_secret_key=LOCALSTRIPE_SECRET_KEY,
            stripe_api_base=localstripe.api_base,
        )
        upgrade(settings)
        return asyncio.run(_measure(settings, binds))


async def _measure(settings: Settings, binds: int) -> dict[str, float]:
    database = Database(create_engine(settings))
    async with database.writer_session() as session:
        keys = await ensure_demo(session, {})
        await session.commit()
    await database.dispose()
    platform = next(k for k in keys if k.role == "platform")
    seller = next(k for k in keys if k.role == "seller")
    StripeGateway.create_payment_intent = _timed(StripeGateway.create_payment_intent)  # type: ignore[method-assign]
    StripeGateway.confirm_payment_intent = _timed(StripeGateway.confirm_payment_intent)  # type: ignore[method-assign]
    app = create_app(settings)
    async with (
        app.lifespan(),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://bench.local",
            headers={"Authorization": f"Bearer {platform.secret}"},
        ) as client,
    ):
        quotes = [
            (await client.post("/v1/quotes", json=_quote_body(seller.account_id, n))).json()
            for n in range(binds)
        ]
        requests: list[float] = []
        stripe_seconds.clear()
        for quote in quotes:
            body = {
                "quote": quote["id"],
                "offer": quote["offers"][0]["id"],
                "payment_method": "pm_card_visa",
            }
            stripe_seconds.append(0.0)
            started = time.perf_counter()
            response = await client.post("/v1/covers", json=body)
            requests.append(time.perf_counter() - started)
            assert response.status_code == 201, response.text
    own = [(r - s) * 1000 for r, s in zip(requests, stripe_seconds, strict=True)]
    stripe_ms = [s * 1000 for s in stripe_seconds]
    return {
        "binds": binds,
        "own_median_ms": statistics.median(own),
        "own_p99_ms": _percentile(own, 0.99),
        "stripe_median_ms": statistics.median(stripe_ms),
        "request_median_ms": statistics.median(r * 1000 for r in requests),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binds", type=int, default=300)
    result = run(parser.parse_args().binds)
    say(
        f"bind, own work (Stripe excluded): median {result['own_median_ms']:.2f} ms,"
        f" p99 {result['own_p99_ms']:.2f} ms (target <= {TARGET_OWN_MS:.0f} ms)\n"
        f"Stripe calls (localstripe): median {result['stripe_median_ms']:.2f} ms;"
        f" whole bind request: median {result['request_median_ms']:.2f} ms; {result['binds']} binds"
    )


if __name__ == "__main__":
    main()
