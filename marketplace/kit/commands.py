"""What every command-line group shares: settings, one transaction, and one-line errors."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

import click
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.config import ConfigError, Settings, load_settings
from marketplace.db import Database, create_engine
from marketplace.errors import MarketplaceError
from marketplace.kit.tenancy import Principal

Result = TypeVar("Result")

SYSTEM = Principal(account_id="", role="operator", livemode=True, api_key_id="")
"""The command line acts as the operator, in live mode (it is run by whoever runs the service)."""


def settings_or_exit() -> Settings:
    """The settings, or a one-line error naming the bad variable and exit status 2."""
    try:
        return load_settings()
    except ConfigError as error:
        click.echo(f"configuration error: {error}", err=True)
        sys.exit(2)


def run_in_session(work: Callable[[AsyncSession], Awaitable[Result]]) -> Result:
    """Run ``work`` in one committed transaction; a refused request exits 1 with its reason."""

    async def main() -> Result:
        database = Database(create_engine(settings_or_exit()))
        try:
            async with database.writer_session() as session:
                result = await work(session)
                await session.commit()
                return result
        finally:
            await database.dispose()

    try:
        return asyncio.run(main())
    except MarketplaceError as error:
        click.echo(f"error ({error.code}): {error.detail}", err=True)
        sys.exit(1)
