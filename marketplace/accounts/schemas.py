"""Wire types of accounts and API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from marketplace.kit.described import CreatedAt
from marketplace.kit.ids import id_pattern
from marketplace.models.accounts import Account, ApiKey

Role = Literal["operator", "insurer", "platform", "seller"]
AccountId = Annotated[str, msgspec.Meta(pattern=id_pattern("account"))]
AccountRole = Annotated[
    Role,
    msgspec.Meta(
        description="`operator` runs the marketplace, `insurer` puts products on it,"
        " `platform` quotes and binds inside its checkout and manages its connected sellers,"
        " `seller` insures its own invoices"
    ),
]


class AccountCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new account. ``platform`` connects a seller to a platform (operator only)."""

    role: AccountRole
    name: Annotated[
        str,
        msgspec.Meta(
            min_length=1, max_length=200, description="The display name (1-200 characters)"
        ),
    ]
    platform: (
        Annotated[
            str,
            msgspec.Meta(
                pattern=id_pattern("account"),
                description="The platform (acct_…) to connect a new seller to: the operator"
                " names it; a platform may leave it out or name itself. Only for role `seller`"
                " (422 `platform_only_for_sellers`; 422 `not_a_platform` when the account is"
                " not one)",
            ),
        ]
        | None
    ) = None


class AccountOut(msgspec.Struct):
    id: Annotated[str, msgspec.Meta(description="The account's id (acct_…)")]
    role: AccountRole
    name: Annotated[str, msgspec.Meta(description="The display name")]
    platform: Annotated[
        str | None,
        msgspec.Meta(description="For a seller: the platform it is connected to (acct_…)"),
    ]
    created_at: CreatedAt
    object: Annotated[
        Literal["account"], msgspec.Meta(description="The kind of object: always `account`")
    ] = "account"

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
    """A new key, in the mode of the key that asks unless ``livemode`` says otherwise.

    A key makes keys of its own mode only: a live key for ``livemode: true``, a test key for
    ``false`` (403 ``livemode_required`` / ``testmode_required`` otherwise).
    """

    livemode: Annotated[
        bool | None,
        msgspec.Meta(
            description=(
                "The new key's mode; by default the mode of the key that asks, the only one"
                " it may make"
            )
        ),
    ] = None
    name: (
        Annotated[
            str,
            msgspec.Meta(max_length=100, description="A name to tell keys apart (at most 100)"),
        ]
        | None
    ) = None


class ApiKeyOut(msgspec.Struct):
    id: Annotated[str, msgspec.Meta(description="The key's id (key_…), not its secret")]
    account: Annotated[str, msgspec.Meta(description="The account the key acts as (acct_…)")]
    livemode: Annotated[
        bool,
        msgspec.Meta(description="True for a live key (`mk_live_…`), false for a test key"),
    ]
    name: Annotated[str | None, msgspec.Meta(description="The name given at creation")]
    redacted_secret: Annotated[
        str,
        msgspec.Meta(description="The secret's mode and last 4 characters (`mk_test_…Xq7f`)"),
    ]
    created_at: CreatedAt
    revoked_at: Annotated[
        datetime | None,
        msgspec.Meta(description="When it was revoked (UTC); null while the key works"),
    ]
    object: Annotated[
        Literal["api_key"], msgspec.Meta(description="The kind of object: always `api_key`")
    ] = "api_key"

    @classmethod
    def of(cls, key: ApiKey) -> ApiKeyOut:
        return cls(**_key_fields(key))


class ApiKeyCreated(ApiKeyOut, kw_only=True):
    """A key just created: ``secret`` is shown in this answer only and cannot be read again.

    The secret is never stored, not even with the answer kept for an ``Idempotency-Key``: a
    replay of the creation (``Idempotent-Replayed: true``) has ``secret: null`` and
    ``secret_redacted: true``. If that first answer was lost, revoke the key and make another.
    """

    secret: Annotated[
        str | None,
        msgspec.Meta(
            description="The key (`mk_test_…` or `mk_live_…`); null in a replay of the creation"
        ),
    ]
    secret_redacted: Annotated[
        bool,
        msgspec.Meta(
            description=(
                "True when this answer is a replay of the creation: the secret is never stored,"
                " so it cannot be shown again"
            )
        ),
    ]

    @classmethod
    def with_secret(cls, key: ApiKey, secret: str) -> ApiKeyCreated:
        return cls(**_key_fields(key), secret=secret, secret_redacted=False)

    @classmethod
    def redacted(cls, key: ApiKey) -> ApiKeyCreated:
        """The answer to keep for replays: everything but the secret."""
        return cls(**_key_fields(key), secret=None, secret_redacted=True)


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
