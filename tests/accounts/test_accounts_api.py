"""Account and key management, and tenant isolation: another tenant's object is a 404."""

from __future__ import annotations

from marketplace.models import Account, ApiKey
from tests.helpers import assert_problem


async def test_operator_creates_accounts_and_a_platform_its_sellers(client, new_tenant):
    operator = await new_tenant("operator")
    created = await client.post(
        "/v1/accounts", headers=operator.headers, json={"role": "platform", "name": "Pay Co"}
    )
    assert created.status_code == 201
    platform_id = created.json()["id"]
    assert platform_id.startswith("acct_")

    key = await client.post(f"/v1/accounts/{platform_id}/keys", headers=operator.headers, json={})
    assert key.status_code == 201
    secret = key.json()["secret"]
    assert secret.startswith("mk_test_")
    platform_headers = {"Authorization": f"Bearer {secret}"}

    seller = await client.post(
        "/v1/accounts", headers=platform_headers, json={"role": "seller", "name": "Shop"}
    )
    assert seller.status_code == 201
    assert seller.json()["platform"] == platform_id


async def test_a_platform_may_only_create_sellers(client, new_tenant, count_rows):
    platform = await new_tenant("platform")
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts", headers=platform.headers, json={"role": "insurer", "name": "I"}
    )
    assert_problem(response, 403, "insufficient_role", param="role")
    assert await count_rows(Account) == before


async def test_a_seller_can_only_be_connected_to_a_platform(client, new_tenant):
    operator = await new_tenant("operator")
    insurer = await new_tenant("insurer")
    response = await client.post(
        "/v1/accounts",
        headers=operator.headers,
        json={"role": "seller", "name": "S", "platform": insurer.account_id},
    )
    assert_problem(response, 422, "not_a_platform", param="platform")
    unknown = await client.post(
        "/v1/accounts",
        headers=operator.headers,
        json={"role": "seller", "name": "S", "platform": "acct_01jd00000000000000000000zz"},
    )
    assert_problem(unknown, 404, "resource_not_found", param="platform")
    not_a_seller = await client.post(
        "/v1/accounts",
        headers=operator.headers,
        json={"role": "insurer", "name": "I", "platform": insurer.account_id},
    )
    assert_problem(not_a_seller, 422, "platform_only_for_sellers", param="platform")


async def test_another_tenants_account_is_not_found(client, new_tenant):
    platform = await new_tenant("platform")
    other_platform = await new_tenant("platform")
    other_seller = await new_tenant("seller", platform=other_platform.account_id)
    for account_id in (other_platform.account_id, other_seller.account_id):
        response = await client.get(f"/v1/accounts/{account_id}", headers=platform.headers)
        assert_problem(response, 404, "resource_not_found")


async def test_a_platform_sees_its_own_sellers(client, new_tenant):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    response = await client.get(f"/v1/accounts/{seller.account_id}", headers=platform.headers)
    assert response.status_code == 200
    listed = await client.get("/v1/accounts", headers=platform.headers)
    assert [a["id"] for a in listed.json()["data"]] == [seller.account_id]


async def test_keys_of_another_tenant_cannot_be_made_read_or_revoked(
    client, new_tenant, count_rows
):
    platform = await new_tenant("platform")
    victim = await new_tenant("platform")
    before = await count_rows(ApiKey, ApiKey.account_id == victim.account_id)
    made = await client.post(
        f"/v1/accounts/{victim.account_id}/keys", headers=platform.headers, json={}
    )
    assert_problem(made, 404, "resource_not_found")
    listed = await client.get(f"/v1/accounts/{victim.account_id}/keys", headers=platform.headers)
    assert_problem(listed, 404, "resource_not_found")
    assert await count_rows(ApiKey, ApiKey.account_id == victim.account_id) == before
    me = await client.get("/v1/accounts/me", headers=victim.headers)
    assert me.status_code == 200


async def test_key_listing_never_shows_secrets(client, new_tenant):
    platform = await new_tenant("platform")
    response = await client.get(
        f"/v1/accounts/{platform.account_id}/keys", headers=platform.headers
    )
    key = response.json()["data"][0]
    assert "secret" not in key
    assert key["redacted_secret"] == f"mk_test_…{platform.secret[-4:]}"
    assert platform.secret not in response.text


async def test_a_test_key_cannot_mint_a_live_key(client, new_tenant, count_rows):
    operator = await new_tenant("operator")
    before = await count_rows(ApiKey)
    response = await client.post(
        f"/v1/accounts/{operator.account_id}/keys",
        headers=operator.headers,
        json={"livemode": True},
    )
    assert_problem(response, 403, "livemode_required", param="livemode")
    assert await count_rows(ApiKey) == before


async def test_revoking_an_unknown_key_is_not_found(client, new_tenant):
    platform = await new_tenant("platform")
    response = await client.post(
        f"/v1/accounts/{platform.account_id}/keys/key_01jd00000000000000000000zz/revoke",
        headers=platform.headers,
    )
    assert_problem(response, 404, "resource_not_found", param="key")


async def test_a_platform_cannot_connect_a_seller_to_another_platform(
    client, new_tenant, count_rows
):
    platform = await new_tenant("platform")
    rival = await new_tenant("platform")
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts",
        headers=platform.headers,
        json={"role": "seller", "name": "S", "platform": rival.account_id},
    )
    assert_problem(response, 404, "resource_not_found", param="platform")
    assert await count_rows(Account) == before
    own = await client.post(
        "/v1/accounts",
        headers=platform.headers,
        json={"role": "seller", "name": "S", "platform": platform.account_id},
    )
    assert (own.status_code, own.json()["platform"]) == (201, platform.account_id)
