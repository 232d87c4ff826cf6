"""HTTP endpoints for accounts and API keys."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter
from litestar.serialization import encode_json
from litestar.types import Scope

from marketplace.accounts import service
from marketplace.accounts.auth import require_roles
from marketplace.accounts.schemas import (
    AccountCreate,
    AccountOut,
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    Role,
)
from marketplace.accounts.service import (
    LivemodeRequired,
    NotAPlatform,
    PlatformOnlyForSellers,
    TestmodeRequired,
)
from marketplace.kit import idempotency
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession

AccountPath = Annotated[
    str, PathParameter(pattern=id_pattern("account"), description="An account id (acct_…)")
]
KeyPath = Annotated[
    str, PathParameter(pattern=id_pattern("api_key"), description="An API key id (key_…)")
]
RoleFilter = Annotated[Role | None, QueryParameter(description="Only accounts of this role")]


class AccountController(Controller):
    path = "/accounts"
    tags = ["accounts"]

    @get(
        "/me",
        operation_id="retrieve_my_account",
        summary="Retrieve your own account",
        description=(
            "The account the API key belongs to: its id, role and name. Any key, of any role;"
            " a handy first call to check a key works. Changes nothing."
        ),
        response_description="The key's account",
        responses=problem_responses(),
    )
    async def me(self, session: DbSession, principal: Caller) -> AccountOut:
        """The account the API key belongs to."""
        return AccountOut.of(
            await service.visible_account(session, principal, principal.account_id)
        )

    @post(
        "/",
        operation_id="create_account",
        summary="Create an account",
        description=(
            "The operator creates any account (an insurer, a platform, a seller, connected to"
            " a platform with `platform`); a platform creates its own connected sellers only"
            " (403 `insufficient_role` for another role). The account has no API key yet:"
            " make one with `POST /v1/accounts/{account_id}/keys`. No money moves."
        ),
        response_description="The new account",
        guards=[require_roles("operator", "platform")],
        responses=problem_responses(WRITE_ERRORS, errors=(PlatformOnlyForSellers, NotAPlatform)),
    )
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        data: JSONBody[AccountCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> AccountOut:
        """Create an account (operator), or a connected seller (platform)."""
        account = await service.create_account(
            session, principal, data.role, data.name, data.platform
        )
        return AccountOut.of(account)

    @get(
        "/",
        operation_id="list_accounts",
        summary="List accounts",
        description=(
            "Every account for the operator; a platform's connected sellers for a platform."
            " Newest first, filtered by `role`. Changes nothing."
        ),
        response_description="One page of accounts, newest first",
        guards=[require_roles("operator", "platform")],
        dependencies=pagination("account"),
        responses=problem_responses(),
    )
    async def list(
        self,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        role: RoleFilter = None,
    ) -> ListOf[AccountOut]:
        """Every account (operator), or the platform's connected sellers; newest first."""
        found = await service.list_accounts(session, principal, role, page)
        return ListOf(data=[AccountOut.of(a) for a in found.items], has_more=found.has_more)

    @get(
        "/{account_id:str}",
        operation_id="retrieve_account",
        summary="Retrieve an account",
        description=(
            "One account the caller may see: its own, any for the operator, and a platform's"
            " connected sellers; anyone else's is a 404. Changes nothing."
        ),
        response_description="The account",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, account_id: AccountPath
    ) -> AccountOut:
        """One account the caller may see."""
        return AccountOut.of(await service.visible_account(session, principal, account_id))

    @post(
        "/{account_id:str}/keys",
        operation_id="create_api_key",
        summary="Create an API key",
        description=(
            "A new key for an account the caller manages (its own; any for the operator; its"
            " sellers' for a platform), in the caller's mode unless `livemode` says otherwise:"
            " only a live key makes live keys, only a test key test keys. The secret"
            " (`mk_test_…` or `mk_live_…`) is in this answer only and stored as a hash: a"
            " replay of the request (same `Idempotency-Key`) answers `secret: null`."
        ),
        response_description="The new key, with its secret (shown once)",
        responses=problem_responses(WRITE_ERRORS, errors=(LivemodeRequired, TestmodeRequired)),
    )
    async def create_key(
        self,
        *,
        session: DbSession,
        principal: Caller,
        account_id: AccountPath,
        data: JSONBody[ApiKeyCreate],
        scope: Scope,
        idempotency_key: IdempotencyKey = None,
    ) -> ApiKeyCreated:
        """Create an API key; its secret is in this answer only (a replay has it redacted)."""
        created = await service.create_api_key(
            session, principal, account_id, data.livemode, data.name
        )
        idempotency.store_instead(scope, encode_json(ApiKeyCreated.redacted(created.key)))
        return ApiKeyCreated.with_secret(created.key, created.secret)

    @get(
        "/{account_id:str}/keys",
        operation_id="list_api_keys",
        summary="List an account's API keys",
        description=(
            "The keys of an account the caller manages, of the caller's mode only, newest"
            " first; secrets redacted to their last 4 characters. Changes nothing."
        ),
        response_description="One page of keys, newest first",
        dependencies=pagination("api_key"),
        responses=problem_responses(),
    )
    async def list_keys(
        self, session: DbSession, principal: Caller, account_id: AccountPath, page: Pagination
    ) -> ListOf[ApiKeyOut]:
        """An account's API keys of the caller's mode, secrets redacted; newest first."""
        found = await service.list_api_keys(session, principal, account_id, page)
        return ListOf(data=[ApiKeyOut.of(k) for k in found.items], has_more=found.has_more)

    @post(
        "/{account_id:str}/keys/{key_id:str}/revoke",
        operation_id="revoke_api_key",
        summary="Revoke an API key",
        description=(
            "Revokes a key of an account the caller manages, of the caller's mode: requests"
            " with it are refused at once by this server process, and within 2 s by the"
            " others (401 `api_key_revoked`). Revoking a revoked key changes nothing."
        ),
        response_description="The key, revoked",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def revoke_key(
        self,
        session: DbSession,
        principal: Caller,
        account_id: AccountPath,
        key_id: KeyPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ApiKeyOut:
        """Revoke an API key at once; requests with it are refused from now on."""
        return ApiKeyOut.of(await service.revoke_api_key(session, principal, account_id, key_id))
