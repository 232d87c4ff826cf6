"""Alembic environment: runs migrations on the project's own engine (SQLite or PostgreSQL)."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from marketplace import models
from marketplace.config import Settings, load_settings
from marketplace.db import create_engine

TARGET_METADATA = models.Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=TARGET_METADATA,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
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
