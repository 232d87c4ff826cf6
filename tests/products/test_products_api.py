"""Insurers put products on the marketplace, version them, pause them; nobody else touches them."""

from __future__ import annotations

from marketplace.models import ProductVersion
from tests.factories import product_terms
from tests.helpers import assert_problem


async def _create(client, insurer, **changes):
    response = await client.post(
        "/v1/products", headers=insurer.headers, json=product_terms(**changes)
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_an_insurer_creates_a_product_active_at_version_1(client, new_tenant):
    insurer = await new_tenant("insurer")
    product = await _create(client, insurer)
    assert product["id"].startswith("prod_")
    assert (product["status"], product["version"], product["insurer"]) == (
        "active",
        1,
        insurer.account_id,
    )
    assert product["cover_ratios"] == [0.9, 0.75]
    assert product["currencies"][0]["buyer_capacity"] == 100_000_000
    assert product["livemode"] is False


async def test_invalid_terms_are_refused_field_by_field(client, new_tenant, count_rows):
    insurer = await new_tenant("insurer")
    before = await count_rows(ProductVersion)
    ratio = await client.post(
        "/v1/products", headers=insurer.headers, json=product_terms(cover_ratios=[1.5])
    )
    assert_problem(ratio, 422, "validation_error", param="cover_ratios[0]")
    zero = await client.post(
        "/v1/products", headers=insurer.headers, json=product_terms(cover_ratios=[0])
    )
    assert_problem(zero, 422, "validation_error", param="cover_ratios[0]")
    fee = product_terms()
    fee["currencies"][0]["fixed_fee"] = -1
    negative = await client.post("/v1/products", headers=insurer.headers, json=fee)
    assert_problem(negative, 422, "validation_error", param="currencies[0].fixed_fee")

    contradictory = product_terms(sectors=["F", "G"], excluded_sectors=["G"])
    contradictory["currencies"][0]["amount_min"] = 60_000_000
    contradictory["currencies"].append(dict(contradictory["currencies"][0]))
    response = await client.post("/v1/products", headers=insurer.headers, json=contradictory)
    body = assert_problem(response, 422, "invalid_product_terms", param="currencies[0].amount_min")
    assert {e["param"] for e in body["errors"]} == {
        "currencies[0].amount_min",
        "currencies[1].currency",
        "currencies[1].amount_min",
        "excluded_sectors",
    }
    assert await count_rows(ProductVersion) == before


async def test_an_update_is_a_new_version_and_old_versions_stay_readable(client, new_tenant):
    insurer = await new_tenant("insurer")
    product = await _create(client, insurer)
    updated = await client.post(
        f"/v1/products/{product['id']}",
        headers=insurer.headers,
        json=product_terms(max_tenor_days=90),
    )
    assert updated.status_code == 200
    assert (updated.json()["version"], updated.json()["max_tenor_days"]) == (2, 90)
    first = await client.get(f"/v1/products/{product['id']}/versions/1", headers=insurer.headers)
    assert (first.json()["version"], first.json()["max_tenor_days"]) == (1, 120)
    missing = await client.get(f"/v1/products/{product['id']}/versions/3", headers=insurer.headers)
    assert_problem(missing, 404, "resource_not_found", param="version")


async def test_pause_and_resume(client, new_tenant):
    insurer = await new_tenant("insurer")
    product = await _create(client, insurer)
    paused = await client.post(f"/v1/products/{product['id']}/pause", headers=insurer.headers)
    assert (paused.json()["status"], paused.json()["version"]) == ("paused", 1)
    listed = await client.get("/v1/products?status=paused", headers=insurer.headers)
    assert [p["id"] for p in listed.json()["data"]] == [product["id"]]
    resumed = await client.post(f"/v1/products/{product['id']}/resume", headers=insurer.headers)
    assert resumed.json()["status"] == "active"


async def test_an_insurer_cannot_see_or_change_another_insurers_product(
    client, new_tenant, count_rows
):
    owner, rival = await new_tenant("insurer"), await new_tenant("insurer")
    product = await _create(client, owner)
    before = await count_rows(ProductVersion, ProductVersion.product_id == product["id"])
    path = f"/v1/products/{product['id']}"
    assert_problem(await client.get(path, headers=rival.headers), 404, "resource_not_found")
    edit = await client.post(path, headers=rival.headers, json=product_terms(max_tenor_days=30))
    assert_problem(edit, 404, "resource_not_found")
    assert_problem(
        await client.post(f"{path}/pause", headers=rival.headers), 404, "resource_not_found"
    )
    assert await count_rows(ProductVersion, ProductVersion.product_id == product["id"]) == before
    assert product["id"] not in [
        p["id"] for p in (await client.get("/v1/products", headers=rival.headers)).json()["data"]
    ]
    still = await client.get(path, headers=owner.headers)
    assert (still.json()["status"], still.json()["version"]) == ("active", 1)


async def test_products_are_for_insurers_and_the_operator(client, new_tenant):
    insurer, operator, platform = (
        await new_tenant("insurer"),
        await new_tenant("operator"),
        await new_tenant("platform"),
    )
    product = await _create(client, insurer)
    assert_problem(
        await client.get("/v1/products", headers=platform.headers), 403, "insufficient_role"
    )
    assert_problem(
        await client.post("/v1/products", headers=platform.headers, json=product_terms()),
        403,
        "insufficient_role",
    )
    seen = await client.get(f"/v1/products/{product['id']}", headers=operator.headers)
    assert seen.status_code == 200
    create = await client.post("/v1/products", headers=operator.headers, json=product_terms())
    assert_problem(create, 403, "insufficient_role")
