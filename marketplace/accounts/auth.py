"""Bearer API key authentication and role guards.

A key's principal is cached in the process (``kit.cache``): revoking a key drops the cache
when the revocation commits, so a revoked key stops working at once in this process and
within ``CACHE_SECONDS`` in the others. Unknown and revoked keys are never cached.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository
from marketplace.accounts.secrets import hash_secret, is_well_formed
from marketplace.errors import Forbidden, Unauthenticated
from marketplace.kit.cache import caches_of
from marketplace.kit.tenancy import Principal

KEYS_CACHE = "api_keys"
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="marketplace"'}


class InvalidApiKey(Unauthenticated):
    code = "invalid_api_key"
    title = "Invalid API key"


class ApiKeyRevoked(Unauthenticated):
    code = "api_key_revoked"
    title = "API key revoked"


def _bearer_secret(scope: Any) -> str:
    header: bytes | None = next((v for k, v in scope["headers"] if k == b"authorization"), None)
    if header is None:
        raise Unauthenticated(
            "Send your API key as 'Authorization: Bearer mk_test_…'", headers=_CHALLENGE
        )
    scheme, _, secret = header.decode("latin-1").partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not is_well_formed(secret):
        raise InvalidApiKey(
            "The Authorization header must be 'Bearer' and an mk_test_ or mk_live_ key",
            headers=_CHALLENGE,
        )
    return secret


async def authenticate(session: AsyncSession, scope: Any) -> Principal:
    """The principal of the request's API key; raises 401 for a missing, unknown or revoked key."""
    secret_hash = hash_secret(_bearer_secret(scope))
    cache = caches_of(session).named(KEYS_CACHE)
    principal: Principal | None = cache.get(secret_hash)
    if principal is None:
        loading = cache.loading()
        principal = await _principal_of(session, secret_hash)
        cache.put(secret_hash, principal, loading)
    return principal


async def _principal_of(session: AsyncSession, secret_hash: str) -> Principal:
    found = await repository.key_with_account(session, secret_hash)
    if found is None:
        raise InvalidApiKey("This API key does not exist", headers=_CHALLENGE)
    key, account = found
    if key.revoked_at is not None:
        raise ApiKeyRevoked("This API key was revoked", headers=_CHALLENGE)
    return Principal(
        account_id=account.id,
        role=account.role,
        livemode=key.livemode,
        api_key_id=key.id,
        platform_id=account.platform_id,
    )


Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


def require_roles(*roles: str) -> Guard:
    """A guard that lets only accounts with one of ``roles`` through (403 otherwise)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        # A coroutine: Litestar runs a plain function guard in a worker thread, at a cost.
        principal: Principal = connection.user
        if principal.role not in roles:
            raise Forbidden(
                f"This needs a key of a {' or '.join(roles)} account;"
                f" this key belongs to a {principal.role} account"
            )

    return guard
