"""Running migrations in tests: an empty database of the test's own, SQL against it, its
tables and columns, and what differs between the migrated schema and the models."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Table, inspect, text

from marketplace.config import Settings, load_settings
from marketplace.db import create_engine
from marketplace.models import Base

POSTGRES_URL = os.environ.get("MARKETPLACE_TEST_DATABASE_URL")


def in_a_thread(work: Any) -> Any:
    """Run a coroutine to its end from a plain test (Alembic runs its own event loop too)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, work).result()


async def run_sql(settings: Settings, statements: list[str]) -> list[list[Any]]:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            results = []
            for statement in statements:
                result = await connection.execute(text(statement))
                results.append([tuple(row) for row in result] if result.returns_rows else [])
            return results
    finally:
        await engine.dispose()


async def columns(settings: Settings, table: str) -> set[str]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: {c["name"] for c in inspect(sync).get_columns(table)}
            )
    finally:
        await engine.dispose()


async def _postgres_admin(sql: str) -> None:
    assert POSTGRES_URL is not None
    connection = await asyncpg.connect(POSTGRES_URL.replace("+asyncpg", "", 1))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture
def empty_database(tmp_path) -> Iterator[Settings]:
    """Settings for an empty database of this test's own (SQLite, or PostgreSQL when asked)."""
    if POSTGRES_URL is None:
        yield load_settings({}, database_url=f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")
        return
    name = f"marketplace_migration_{secrets.token_hex(4)}"
    in_a_thread(_postgres_admin(f'CREATE DATABASE "{name}"'))
    try:
        base, _, _ = POSTGRES_URL.rpartition("/")
        yield load_settings({}, database_url=f"{base}/{name}")
    finally:
        with contextlib.suppress(Exception):
            in_a_thread(_postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def tables(settings: Settings) -> set[str]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


def table_of(difference: Any) -> str:
    """The table a difference reported by ``compare_metadata`` is about."""
    first = difference[0] if isinstance(difference, list) else difference
    _, *rest = first
    if rest[0] is None or isinstance(rest[0], str):  # (op, schema, table, …)
        return str(rest[1])
    item = rest[0]
    return str(item.name if isinstance(item, Table) else item.table.name)


async def drift(settings: Settings, names: set[str] | None = None) -> list[Any]:
    """What differs between the migrated schema and the models (for the tables ``names``, or
    for every table)."""

    def compare(sync: Any) -> list[Any]:
        context = MigrationContext.configure(sync, opts={"compare_type": True})
        found = compare_metadata(context, Base.metadata)
        return [d for d in found if names is None or table_of(d) in names]

    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(compare)
    finally:
        await engine.dispose()
