"""Accounts and API keys: who may create, see and manage which account.

- The operator sees and manages every account.
- A platform creates and manages its connected sellers (role ``seller``).
- Every account sees itself and manages its own keys.
Anything else is not found (404), never "forbidden", so ids of other tenants stay secret.

Accounts are tenants, the same in both modes; API keys are not: a key lists, makes and
revokes keys of its own mode only (a key of the other mode is not found). The command line,
run by whoever runs the service, manages keys of both modes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository
from marketplace.accounts.auth import KEYS_CACHE
from marketplace.accounts.secrets import generate_secret, hash_secret
from marketplace.errors import Forbidden, ResourceNotFound, RuleViolation
from marketplace.kit.cache import invalidate_on_commit
from marketplace.kit.clock import utc_now
from marketplace.kit.commands import SYSTEM
from marketplace.kit.ids import new_id
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.accounts import Account, ApiKey


class AccountNotFound(ResourceNotFound):
    pass


class ApiKeyNotFound(ResourceNotFound):
    pass


class PlatformOnlyForSellers(RuleViolation):
    code = "platform_only_for_sellers"
    title = "Only a seller can be connected to a platform"


class NotAPlatform(RuleViolation):
    code = "not_a_platform"
    title = "The account is not a platform"


class LivemodeRequired(Forbidden):
    code = "livemode_required"
    title = "A live key is needed"


class TestmodeRequired(Forbidden):
    code = "testmode_required"
    title = "A test key is needed"


@dataclass(frozen=True, slots=True)
class NewApiKey:
    """A key just created, with its secret (shown this once, never stored)."""

    key: ApiKey
    secret: str


def can_see(principal: Principal, account: Account) -> bool:
    return (
        principal.role == "operator"
        or account.id == principal.account_id
        or (principal.role == "platform" and account.platform_id == principal.account_id)
    )


async def visible_account(session: AsyncSession, principal: Principal, account_id: str) -> Account:
    account = await repository.get_account(session, account_id)
    if account is None or not can_see(principal, account):
        raise AccountNotFound(f"No such account: {account_id}", param="account")
    return account


async def _connected_platform(session: AsyncSession, platform_id: str) -> str:
    platform = await repository.get_account(session, platform_id)
    if platform is None:
        raise AccountNotFound(f"No such account: {platform_id}", param="platform")
    if platform.role != "platform":
        raise NotAPlatform(f"{platform_id} is not a platform account", param="platform")
    return platform.id


async def create_account(
    session: AsyncSession, principal: Principal, role: str, name: str, platform_id: str | None
) -> Account:
    """Create an account. A platform may only create sellers, which are connected to it (naming
    any other platform is a 404: it cannot see another tenant)."""
    if principal.role == "platform":
        if role != "seller":
            raise Forbidden("A platform may only create seller accounts", param="role")
        if platform_id not in (None, principal.account_id):
            raise AccountNotFound(f"No such account: {platform_id}", param="platform")
        platform_id = principal.account_id
    elif platform_id is not None:
        if role != "seller":
            raise PlatformOnlyForSellers(
                f"A {role} account cannot be connected to a platform", param="platform"
            )
        platform_id = await _connected_platform(session, platform_id)
    account = Account(id=new_id("account"), role=role, name=name, platform_id=platform_id)
    await repository.add(session, account)
    return account


async def list_accounts(
    session: AsyncSession, principal: Principal, role: str | None, page: PageRequest
) -> Page[Account]:
    platform_id = principal.account_id if principal.role == "platform" else None
    query = repository.accounts_query(role=role, platform_id=platform_id)
    return await paginate(session, query, Account.id, page)


def _mode_of(principal: Principal) -> bool | None:
    """The mode whose keys the caller manages; None for the command line, which manages both."""
    return None if principal == SYSTEM else principal.livemode


def _check_mode(principal: Principal, livemode: bool) -> None:
    if _mode_of(principal) in (None, livemode):
        return
    if livemode:
        raise LivemodeRequired("Live keys can only be created with a live key", param="livemode")
    raise TestmodeRequired("Test keys can only be created with a test key", param="livemode")


async def create_api_key(
    session: AsyncSession,
    principal: Principal,
    account_id: str,
    livemode: bool | None,
    name: str | None,
) -> NewApiKey:
    """A new key for an account the caller manages, in the caller's mode unless ``livemode``
    says otherwise: only a live key makes live keys, only a test key test keys."""
    account = await visible_account(session, principal, account_id)
    livemode = principal.livemode if livemode is None else livemode
    _check_mode(principal, livemode)
    secret = generate_secret(livemode)
    key = ApiKey(
        id=new_id("api_key"),
        account_id=account.id,
        livemode=livemode,
        secret_hash=hash_secret(secret),
        secret_last4=secret[-4:],
        name=name,
    )
    await repository.add(session, key)
    return NewApiKey(key=key, secret=secret)


async def list_api_keys(
    session: AsyncSession, principal: Principal, account_id: str, page: PageRequest
) -> Page[ApiKey]:
    account = await visible_account(session, principal, account_id)
    query = repository.keys_query(account.id, _mode_of(principal))
    return await paginate(session, query, ApiKey.id, page)


async def revoke_api_key(
    session: AsyncSession, principal: Principal, account_id: str, key_id: str
) -> ApiKey:
    """Revoke a key at once; revoking a revoked key changes nothing."""
    account = await visible_account(session, principal, account_id)
    key = await repository.get_key(session, account.id, key_id, _mode_of(principal))
    if key is None:
        raise ApiKeyNotFound(f"No such API key: {key_id}", param="key")
    if key.revoked_at is None:
        key.revoked_at = utc_now()
        await session.flush()
        invalidate_on_commit(session, KEYS_CACHE)
    return key
