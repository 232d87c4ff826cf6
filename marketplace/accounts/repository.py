"""Every query on accounts and API keys."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.accounts import Account, ApiKey


async def key_with_account(
    session: AsyncSession, secret_hash: str
) -> tuple[ApiKey, Account] | None:
    query = (
        select(ApiKey, Account)
        .join(Account, Account.id == ApiKey.account_id)
        .where(ApiKey.secret_hash == secret_hash)
    )
    row = (await session.execute(query)).one_or_none()
    return None if row is None else (row[0], row[1])


async def get_account(session: AsyncSession, account_id: str) -> Account | None:
    return await session.get(Account, account_id)


def accounts_query(role: str | None = None, platform_id: str | None = None) -> Select[Account]:
    query = select(Account)
    if role is not None:
        query = query.where(Account.role == role)
    if platform_id is not None:
        query = query.where(Account.platform_id == platform_id)
    return query


def sellers_of(platform_id: str) -> Select[str]:
    """The ids of the sellers connected to a platform (none for any other account)."""
    return select(Account.id).where(Account.platform_id == platform_id)


def keys_query(account_id: str, livemode: bool | None) -> Select[ApiKey]:
    """An account's keys of one mode (of both: None)."""
    query = select(ApiKey).where(ApiKey.account_id == account_id)
    return query if livemode is None else query.where(ApiKey.livemode == livemode)


async def get_key(
    session: AsyncSession, account_id: str, key_id: str, livemode: bool | None
) -> ApiKey | None:
    query = keys_query(account_id, livemode).where(ApiKey.id == key_id)
    return (await session.execute(query)).scalar_one_or_none()


async def add(session: AsyncSession, row: Account | ApiKey) -> None:
    session.add(row)
    await session.flush()
