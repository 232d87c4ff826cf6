"""The generated SDK works against the API, in-process."""

from __future__ import annotations

import httpx
from marketplace_sdk import AuthenticatedClient
from marketplace_sdk.api.accounts import create_account, retrieve_account, retrieve_my_account
from marketplace_sdk.api.claims import retrieve_claim
from marketplace_sdk.api.covers import create_invoice_event
from marketplace_sdk.api.test_helpers import advance_cover_clock
from marketplace_sdk.models import (
    AccountCreate,
    AccountCreateRole,
    AccountOut,
    AdvanceClock,
    ClaimOut,
    CoverOut,
    InvoiceEventCreate,
    InvoiceEventCreateType,
    InvoiceEventOut,
    Problem,
)

from tests.claims.helpers import active_cover, days_to_due, parties


def _sdk(transport, secret):
    sdk = AuthenticatedClient(base_url="http://testserver.local", token=secret)
    sdk.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport,
            base_url="http://testserver.local",
            headers={"Authorization": f"Bearer {secret}"},
        )
    )
    return sdk


async def test_accounts_me_through_the_sdk(asgi_transport, new_tenant):
    platform = await new_tenant("platform", name="SDK Platform")
    me = await retrieve_my_account.asyncio(client=_sdk(asgi_transport, platform.secret))
    assert isinstance(me, AccountOut)
    assert me.id == platform.account_id
    assert me.name == "SDK Platform"


async def test_errors_reach_the_sdk_as_problems(asgi_transport, new_tenant):
    platform, other = await new_tenant("platform"), await new_tenant("platform")
    answer = await retrieve_account.asyncio_detailed(
        client=_sdk(asgi_transport, platform.secret), account_id=other.account_id
    )
    assert answer.status_code == 404
    assert isinstance(answer.parsed, Problem)
    assert answer.parsed.code == "resource_not_found"
    assert answer.parsed.request_id == answer.headers["request-id"]


async def test_the_sdk_sends_idempotency_keys(asgi_transport, new_tenant):
    operator = await new_tenant("operator")
    sdk = _sdk(asgi_transport, operator.secret)
    body = AccountCreate(role=AccountCreateRole.PLATFORM, name="Via SDK")
    first = await create_account.asyncio_detailed(client=sdk, body=body, idempotency_key="sdk-1")
    again = await create_account.asyncio_detailed(client=sdk, body=body, idempotency_key="sdk-1")
    assert isinstance(first.parsed, AccountOut)
    assert isinstance(again.parsed, AccountOut)
    assert again.parsed.id == first.parsed.id
    assert again.headers["idempotent-replayed"] == "true"


async def test_the_sdk_drives_a_cover_past_its_due_date_with_the_test_clock(
    asgi_transport, client, new_tenant
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)
    sdk = _sdk(asgi_transport, who.platform.secret)

    late = await advance_cover_clock.asyncio(
        cover["id"], client=sdk, body=AdvanceClock(days=days_to_due(cover) + 1)
    )
    declared = await create_invoice_event.asyncio(
        cover["id"],
        client=sdk,
        body=InvoiceEventCreate(type_=InvoiceEventCreateType.INVOICE_OVERDUE),
        idempotency_key="declare-once",
    )
    claimed = await advance_cover_clock.asyncio(cover["id"], client=sdk, body=AdvanceClock(days=59))

    assert isinstance(late, CoverOut)
    assert late.status.value == "overdue"
    assert isinstance(declared, InvoiceEventOut)
    assert isinstance(claimed, CoverOut)
    assert claimed.status.value == "claimed"
    claim = await retrieve_claim.asyncio(str(claimed.claim), client=sdk)
    assert isinstance(claim, ClaimOut)
    assert claim.outstanding_at_declaration == 1_000_000
