"""Small SQL helpers that need to know the backend (SQLite or PostgreSQL)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase


def is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def dialect_insert(session: AsyncSession, model: type[DeclarativeBase] | Table) -> Any:
    """An INSERT with the backend's ON CONFLICT clauses (the same on SQLite and PostgreSQL)."""
    dialect = postgresql if is_postgres(session) else sqlite
    return dialect.insert(model)


async def insert_ignore(
    session: AsyncSession, model: type[DeclarativeBase], values: dict[str, Any]
) -> bool:
    """Insert one row unless it conflicts with an existing key; True when it was inserted."""
    statement = dialect_insert(session, model).values(**values).on_conflict_do_nothing()
    result = await session.execute(statement)
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
