"""Examples of accounts and API keys."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

from marketplace.accounts.schemas import (
    AccountCreate,
    AccountOut,
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
)
from marketplace.api_reference.examples import ids
from marketplace.api_reference.examples.example import Example
from marketplace.kit.pagination import ListOf

KEY_CREATED_AT = datetime(2026, 11, 25, 9, 12, 44, tzinfo=UTC)


def platform() -> AccountOut:
    return AccountOut(
        id=ids.PLATFORM,
        role="platform",
        name="Demo Fintech Platform",
        platform=None,
        created_at=datetime(2026, 6, 2, 14, 5, 31, tzinfo=UTC),
    )


def seller() -> AccountOut:
    return AccountOut(
        id=ids.NEW_SELLER,
        role="seller",
        name="Shop SAS",
        platform=ids.PLATFORM,
        created_at=datetime(2026, 11, 25, 9, 11, 2, tzinfo=UTC),
    )


def api_key() -> ApiKeyOut:
    return ApiKeyOut(
        id=ids.API_KEY,
        account=ids.NEW_SELLER,
        livemode=False,
        name="checkout backend",
        redacted_secret="mk_test_…Xq7f",  # noqa: S106 - an example
        created_at=KEY_CREATED_AT,
        revoked_at=None,
    )


def _created_key(secret: str | None) -> ApiKeyCreated:
    key = api_key()
    return ApiKeyCreated(
        id=key.id,
        account=key.account,
        livemode=key.livemode,
        name=key.name,
        redacted_secret=key.redacted_secret,
        created_at=key.created_at,
        revoked_at=None,
        secret=secret,
        secret_redacted=secret is None,
    )


def examples() -> list[Example]:
    revoked = msgspec.structs.replace(
        api_key(), revoked_at=datetime(2026, 11, 27, 16, 40, 3, tzinfo=UTC)
    )
    return [
        Example("seller", "A platform connects a seller", AccountCreate("seller", "Shop SAS")),
        Example("seller", "The connected seller", seller(), ("create_account",)),
        Example("me", "The key's own account (a platform)", platform(), ("retrieve_my_account",)),
        Example("account", "A connected seller", seller()),
        Example("page", "One page of accounts", ListOf(data=[seller()], has_more=False)),
        Example("test_key", "A key in the caller's mode", ApiKeyCreate(name="checkout backend")),
        Example(
            "created",
            "The new key, with its secret (shown once)",
            _created_key("mk_test_4fQ8pZk2Rw7nVb3Lx9Tc1Hs6Jd0YXq7f"),
        ),
        Example(
            "replayed",
            "A replay of the creation: the secret is never shown again",
            _created_key(None),
        ),
        Example("revoked", "The key, revoked", revoked),
        Example("page", "One page of keys", ListOf(data=[api_key()], has_more=False)),
    ]
