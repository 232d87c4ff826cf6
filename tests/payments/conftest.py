"""Payments test set-up: a gateway on the suite's localstripe, and an empty handler registry."""

from __future__ import annotations

import httpx
import pytest

from marketplace.payments import registry


@pytest.fixture(scope="session")
def stripe_client(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """The suite's in-process client: its app's settings carry the webhook secret."""
    return client


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch) -> dict[str, registry.Handler]:
    """An empty handler registry for the test (whatever the domains registered is put back)."""
    fresh: dict[str, registry.Handler] = {}
    monkeypatch.setattr(registry, "HANDLERS", fresh)
    return fresh
