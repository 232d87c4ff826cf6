"""Assertions shared by the tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
from litestar import Litestar


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
