"""Every /v1 route needs a valid, unrevoked key; roles gate what a key may do."""

from __future__ import annotations

from marketplace.models import Account
from tests.helpers import assert_problem


async def test_me_answers_the_keys_account(client, new_tenant):
    platform = await new_tenant("platform", name="Acme Pay")
    response = await client.get("/v1/accounts/me", headers=platform.headers)
    assert response.status_code == 200
    assert response.json()["id"] == platform.account_id
    assert response.json()["name"] == "Acme Pay"
    assert response.json()["role"] == "platform"


async def test_a_request_without_a_key_is_401_and_writes_nothing(client, count_rows):
    before = await count_rows(Account)
    response = await client.post("/v1/accounts", json={"role": "platform", "name": "X"})
    assert_problem(response, 401, "missing_api_key")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert await count_rows(Account) == before


async def test_a_key_in_the_wrong_scheme_or_shape_is_401(client, new_tenant):
    tenant = await new_tenant("platform")
    basic = await client.get("/v1/accounts/me", headers={"Authorization": f"Basic {tenant.secret}"})
    assert_problem(basic, 401, "invalid_api_key")
    garbage = await client.get("/v1/accounts/me", headers={"Authorization": "Bearer nope"})
    assert_problem(garbage, 401, "invalid_api_key")


async def test_an_unknown_key_is_401(client):
    unknown = "mk_test_" + "A" * 32
    response = await client.get("/v1/accounts/me", headers={"Authorization": f"Bearer {unknown}"})
    assert_problem(response, 401, "invalid_api_key")


async def test_a_revoked_key_is_401_at_once_and_writes_nothing(client, new_tenant, count_rows):
    operator = await new_tenant("operator")
    platform = await new_tenant("platform")
    keys = await client.get(f"/v1/accounts/{platform.account_id}/keys", headers=operator.headers)
    key_id = keys.json()["data"][0]["id"]
    revoked = await client.post(
        f"/v1/accounts/{platform.account_id}/keys/{key_id}/revoke", headers=operator.headers
    )
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None

    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts", headers=platform.headers, json={"role": "seller", "name": "S"}
    )
    assert_problem(response, 401, "api_key_revoked")
    assert await count_rows(Account) == before


async def test_a_wrong_role_is_403_and_writes_nothing(client, new_tenant, count_rows):
    insurer = await new_tenant("insurer")
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts", headers=insurer.headers, json={"role": "platform", "name": "P"}
    )
    body = assert_problem(response, 403, "insufficient_role")
    assert "insurer" in body["detail"]
    assert await count_rows(Account) == before
