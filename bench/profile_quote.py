"""Where a quote's time goes, by layer, in µs per quote.

    .venv/bin/python bench/profile_quote.py [--quotes 400]

The app in-process (ASGI calls, no sockets), on a fresh embedded SQLite database with the demo
accounts; quotes one after another for buyers already on record (the common case: a platform
quotes the same buyers again). Each layer is timed by wrapping the function that does it:

- HTTP and framework: the whole call minus the handler (routing, the middleware, the API key
  from the process cache, the dependencies, the response);
- validation: decoding the body into ``QuoteCreate`` strictly (timed apart on the same bodies);
- database reads: the one query on the buyer (``buyers.repository.on_record``);
- scoring: the model (probability, grade, reasons);
- pricing: every product's appetite and price;
- rows and encoding: the quote and offer rows, the answer struct and its JSON;
- write: waiting for the group commit, one quote at a time (alone, each is its own batch).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import msgspec
from harness import demo_platform, free_port, marketplace, say, server_environment

TIMES: collections.Counter[str] = collections.Counter()


def _timed_async(owner: Any, name: str, layer: str) -> None:
    original: Callable[..., Awaitable[Any]] = getattr(owner, name)

    async def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await original(*args, **kwargs)
        finally:
            TIMES[layer] += time.perf_counter() - started

    setattr(owner, name, timed)


def _timed(owner: Any, name: str, layer: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TIMES[layer] += time.perf_counter() - started

    setattr(owner, name, timed)


def _body(seller: str, n: int, buyers: int) -> bytes:
    today = dt.datetime.now(dt.UTC).date()
    buyer = n % buyers
    return json.dumps(
        {
            "seller": seller,
            "invoice": {
                "number": f"P-{n}",
                "amount": 500_000 + (n % 97) * 10_000,
                "currency": "EUR",
                "issue_date": today.isoformat(),
                "due_date": (today + dt.timedelta(days=60)).isoformat(),
            },
            "buyer": {
                "country": "FR",
                "registration_number": f"PROF{buyer:05d}",
                "name": f"Buyer {buyer}",
                "sector": "C",
                "years_in_business": 2 + buyer % 30,
                "employees": 5 + buyer % 500,
                "annual_revenue": 50_000_000 + buyer * 100_000,
                "payment_incidents_12m": buyer % 3,
            },
            "relationship": {"months": buyer % 60, "prior_invoices_count": buyer % 40},
        }
    ).encode()


async def _call(app: Any, method: str, path: str, body: bytes, key: str) -> int:
    headers = [(b"content-type", b"application/json"), (b"authorization", f"Bearer {key}".encode())]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"content-length", str(len(body)).encode()), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    delivered = False
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            await asyncio.Event().wait()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


def _instrument() -> None:
    from marketplace.buyers import repository as buyers
    from marketplace.quotes import controllers, service
    from marketplace.underwriting.model import RiskModel

    _timed_async(controllers.service, "create_quote", "handler")
    _timed_async(buyers, "on_record", "database reads")
    _timed(RiskModel, "score", "scoring")
    _timed(service, "evaluate", "pricing")
    _timed(service, "_rows", "rows and encoding")
    _timed(service, "quote_out", "rows and encoding")
    _timed(service.msgspec.json, "encode", "rows and encoding")


async def _measure(seller: str, key: str, quotes: int) -> dict[str, float]:
    from marketplace.app import create_app
    from marketplace.quotes.schemas import QuoteCreate

    _instrument()
    app = create_app()
    async with app.lifespan():
        database = app.state.database
        original_write = database.group_commit.write

        async def write(job: Any) -> bool:
            started = time.perf_counter()
            try:
                return bool(await original_write(job))
            finally:
                TIMES["write"] += time.perf_counter() - started

        database.group_commit.write = write
        bodies = [_body(seller, n, quotes) for n in range(2 * quotes)]
        for body in bodies[:quotes]:  # the buyers go on record
            assert await _call(app, "POST", "/v1/quotes", body, key) == 201
        TIMES.clear()
        started = time.perf_counter()
        for body in bodies[quotes:]:
            assert await _call(app, "POST", "/v1/quotes", body, key) == 201
        total = time.perf_counter() - started
        decoder = msgspec.json.Decoder(QuoteCreate, strict=True)
        decode_started = time.perf_counter()
        for body in bodies[quotes:]:
            decoder.decode(body)
        validation = time.perf_counter() - decode_started
    per_quote = {layer: seconds / quotes * 1e6 for layer, seconds in TIMES.items()}
    handler = per_quote.pop("handler")
    layers = {
        "HTTP and framework": total / quotes * 1e6 - handler,
        "validation": validation / quotes * 1e6,
        **per_quote,
    }
    layers["HTTP and framework"] -= layers["validation"]
    layers["other (in the handler)"] = handler - sum(per_quote.values())
    layers["total"] = total / quotes * 1e6
    return layers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=400)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="marketplace-profile-"))
    env = server_environment(work / "marketplace.db", free_port(), log_level="warning")
    marketplace(env, "migrate")
    key, seller = demo_platform(env, work / "demo-keys.txt")
    os.environ.update(env | {"MARKETPLACE_EMBEDDED_WORKER": "false"})
    layers = asyncio.run(_measure(seller, key, options.quotes))
    say(f"one quote at a time, {options.quotes} quotes, µs per quote:")
    for layer, micros in layers.items():
        say(f"  {layer:<24} {micros:>8,.0f}")


if __name__ == "__main__":
    main()
