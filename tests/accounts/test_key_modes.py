"""Test and live never mix: a key lists, makes and revokes keys of its own mode only."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marketplace.accounts import service
from marketplace.kit.commands import SYSTEM
from marketplace.models import ApiKey
from tests.helpers import assert_problem


@dataclass(frozen=True)
class Key:
    id: str
    secret: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret}"}


@pytest.fixture
def key_for(database):
    """Make a key of either mode for an account, as the command line does."""

    async def make(account_id: str, livemode: bool) -> Key:
        async with database.writer_session() as session:
            created = await service.create_api_key(session, SYSTEM, account_id, livemode, None)
            await session.commit()
        return Key(created.key.id, created.secret)

    return make


async def _key_ids(client, account_id, headers) -> set[str]:
    response = await client.get(f"/v1/accounts/{account_id}/keys", headers=headers)
    assert response.status_code == 200, response.text
    return {key["id"] for key in response.json()["data"]}


async def test_a_key_lists_only_keys_of_its_own_mode(client, new_tenant, key_for):
    operator = await new_tenant("operator")
    test_key, live_key = (
        await key_for(operator.account_id, False),
        await key_for(operator.account_id, True),
    )
    listed_in_test = await _key_ids(client, operator.account_id, test_key.headers)
    listed_in_live = await _key_ids(client, operator.account_id, live_key.headers)
    assert test_key.id in listed_in_test
    assert live_key.id not in listed_in_test
    assert live_key.id in listed_in_live
    assert test_key.id not in listed_in_live


async def test_a_key_of_the_other_mode_cannot_be_revoked(client, new_tenant, key_for):
    platform = await new_tenant("platform")
    live_key = await key_for(platform.account_id, True)
    response = await client.post(
        f"/v1/accounts/{platform.account_id}/keys/{live_key.id}/revoke", headers=platform.headers
    )
    assert_problem(response, 404, "resource_not_found", param="key")
    assert (await client.get("/v1/accounts/me", headers=live_key.headers)).status_code == 200


async def test_a_live_key_makes_live_keys_and_no_test_key(client, new_tenant, key_for, count_rows):
    operator = await new_tenant("operator")
    live_key = await key_for(operator.account_id, True)
    path = f"/v1/accounts/{operator.account_id}/keys"
    before = await count_rows(ApiKey)
    refused = await client.post(path, headers=live_key.headers, json={"livemode": False})
    assert_problem(refused, 403, "testmode_required", param="livemode")
    assert await count_rows(ApiKey) == before
    made = await client.post(path, headers=live_key.headers, json={})
    assert made.status_code == 201, made.text
    assert (made.json()["livemode"], made.json()["secret"][:8]) == (True, "mk_live_")


async def test_the_command_line_still_makes_and_revokes_keys_of_both_modes(database, new_tenant):
    seller = await new_tenant("seller")
    async with database.writer_session() as session:
        made = [
            await service.create_api_key(session, SYSTEM, seller.account_id, live, None)
            for live in (False, True)
        ]
        for created in made:
            await service.revoke_api_key(session, SYSTEM, seller.account_id, created.key.id)
        await session.commit()
    assert [(m.key.livemode, m.key.revoked_at is not None) for m in made] == [
        (False, True),
        (True, True),
    ]
