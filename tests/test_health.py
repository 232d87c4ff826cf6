"""Liveness and readiness need no key; readiness checks the database, its migrations, and that
it takes writes (the storage faults themselves are in test_storage_faults*.py)."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from marketplace.app import create_app
from marketplace.config import load_settings
from marketplace.models import ReadinessProbe
from tests.helpers import started


async def test_health_answers_without_a_key(client):
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_when_the_database_is_at_head_and_takes_writes(client, database):
    response = await client.get("/ready")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert response.json()["migrations"] == "at_head"
    assert response.json()["writes"] == "ok"
    async with database.reader_session() as session:
        stamped = await session.scalar(select(ReadinessProbe.checked_at))
    assert stamped is not None  # the check committed a write


async def test_not_ready_when_migrations_are_behind(tmp_path):
    app = create_app(load_settings({}, database_url=f"sqlite+aiosqlite:///{tmp_path}/empty.db"))
    async with (
        started(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t.local") as c,
    ):
        response = await c.get("/ready")
    assert response.status_code == 503
    assert response.json()["migrations"] == "behind"
    assert response.json()["revision"] is None
    assert response.json()["writes"] == "unknown"
