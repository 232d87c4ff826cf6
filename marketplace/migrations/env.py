"""Alembic environment: runs migrations on the project's own engine (SQLite or PostgreSQL).

On SQLite, altering a table means rebuilding it (copy, drop, rename), and dropping a table
that other tables' rows refer to breaks their foreign keys for a moment. So, as SQLite's own
procedure for schema changes says, migrations run with foreign keys off, and every foreign
key is checked (``PRAGMA foreign_key_check``) before the migration commits: a migration that
leaves a dangling reference fails and changes nothing.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from marketplace import models
from marketplace.config import Settings, load_settings
from marketplace.db import SQLITE_BEGIN_OPTION, create_engine

TARGET_METADATA = models.Base.metadata


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if dangling:
        raise RuntimeError(f"the migration leaves foreign keys dangling: {dangling[:5]}")


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=TARGET_METADATA,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        _check_foreign_keys(connection)


async def _foreign_keys_off(connection: AsyncConnection) -> None:
    """Outside any transaction (SQLite ignores the pragma inside one)."""
    await connection.execution_options(**{SQLITE_BEGIN_OPTION: "NONE"})
    await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    await connection.commit()
    await connection.execution_options(**{SQLITE_BEGIN_OPTION: "DEFERRED"})


async def _run_online(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            if settings.is_sqlite:
                await _foreign_keys_off(connection)
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


def main() -> None:
    settings = context.config.attributes.get("settings") or load_settings()
    if context.is_offline_mode():
        context.configure(
            url=settings.database_url,
            target_metadata=TARGET_METADATA,
            render_as_batch=True,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(settings))


main()
