"""Assertions and app plumbing shared by the tests."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
from litestar import Litestar

from marketplace.config import Settings
from marketplace.db import Database
from marketplace.products.in_force import ProductsInForce
from marketplace.quotes.service import QuoteContext


def assert_problem(
    response: httpx.Response, status: int, code: str, param: str | None = None
) -> dict[str, Any]:
    """The response is problem+json with this status and code (and ``param``, when given)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:marketplace:error:{code}"
    assert body["title"]
    assert body["detail"]
    assert body["request_id"] == response.headers["request-id"]
    if param is not None:
        assert body.get("param") == param, body
    return body


@contextlib.asynccontextmanager
async def started(app: Litestar) -> AsyncIterator[Litestar]:
    """The app with its start-up done, its shut-down after. The lifespan is held by one task of
    its own: it must be left in the task it was entered in (pytest tears down in another)."""
    ready, stop = asyncio.Event(), asyncio.Event()

    async def hold_lifespan() -> None:
        async with app.lifespan():
            ready.set()
            await stop.wait()

    holder = asyncio.create_task(hold_lifespan())
    await asyncio.wait_for(ready.wait(), timeout=30)
    try:
        yield app
    finally:
        stop.set()
        await holder


@contextlib.contextmanager
def serving(app: Litestar, database: Database, settings: Settings) -> Iterator[Litestar]:
    """The started ``app`` serving ``database`` (with ``settings``) and an empty cache of
    products in force until the block ends; then what it served before."""
    state = app.state
    before = (state.database, state.settings, state.products_in_force, state.quote_context)
    products = ProductsInForce()
    state.database, state.settings = database, settings
    state.products_in_force = products
    state.quote_context = QuoteContext(before[3].model, products)
    try:
        yield app
    finally:
        (state.database, state.settings, state.products_in_force, state.quote_context) = before


async def close_when_idle(database: Database, timeout_s: float = 5.0) -> None:
    """Dispose of ``database`` once work still running on it has given its connections back
    (an upkeep tick of the app, say); a connection never given back is left to be reported."""
    pool = database.engine.sync_engine.pool
    deadline = time.monotonic() + timeout_s
    # The pool offers nothing to await, so look again every 10 ms.
    while getattr(pool, "checkedout", lambda: 0)() and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    await database.dispose()
