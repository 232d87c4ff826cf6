"""Wire types of accounts and API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from marketplace.kit.ids import id_pattern
from marketplace.models.accounts import Account, ApiKey

Role = Literal["operator", "insurer", "platform", "seller"]
AccountId = Annotated[str, msgspec.Meta(pattern=id_pattern("account"))]


class AccountCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new account. ``platform`` connects a seller to a platform (operator only)."""

    role: Role
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    platform: AccountId | None = None


class AccountOut(msgspec.Struct):
    id: str
    role: Role
    name: str
    platform: str | None
    created_at: datetime
    object: Literal["account"] = "account"

    @classmethod
    def of(cls, account: Account) -> AccountOut:
        return cls(
            id=account.id,
            role=account.role,  # type: ignore[arg-type]
            name=account.name,
            platform=account.platform_id,
            created_at=account.created_at,
        )


class ApiKeyCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new key. ``livemode`` keys act on live objects and can only be made with a live key."""

    livemode: bool = False
    name: Annotated[str, msgspec.Meta(max_length=100)] | None = None


class ApiKeyOut(msgspec.Struct):
    id: str
    account: str
    livemode: bool
    name: str | None
    redacted_secret: str
    created_at: datetime
    revoked_at: datetime | None
    object: Literal["api_key"] = "api_key"

    @classmethod
    def of(cls, key: ApiKey) -> ApiKeyOut:
        return cls(**_key_fields(key))


class ApiKeyCreated(ApiKeyOut, kw_only=True):
    """A key just created: ``secret`` is shown in this answer only and cannot be read again."""

    secret: str

    @classmethod
    def with_secret(cls, key: ApiKey, secret: str) -> ApiKeyCreated:
        return cls(**_key_fields(key), secret=secret)


def _key_fields(key: ApiKey) -> dict[str, Any]:
    mode = "live" if key.livemode else "test"
    return {
        "id": key.id,
        "account": key.account_id,
        "livemode": key.livemode,
        "name": key.name,
        "redacted_secret": f"mk_{mode}_…{key.secret_last4}",
        "created_at": key.created_at,
        "revoked_at": key.revoked_at,
    }
