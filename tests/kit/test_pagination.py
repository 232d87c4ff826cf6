"""Cursor pagination, newest first, through a real list endpoint."""

from __future__ import annotations

from tests.helpers import assert_problem


async def _platform_with_sellers(client, new_tenant, count):
    platform = await new_tenant("platform")
    ids = []
    for number in range(count):
        made = await client.post(
            "/v1/accounts", headers=platform.headers, json={"role": "seller", "name": f"S{number}"}
        )
        ids.append(made.json()["id"])
    return platform, list(reversed(ids))  # newest first


async def test_pages_walk_forward_and_back_without_gaps(client, new_tenant):
    platform, newest_first = await _platform_with_sellers(client, new_tenant, 5)
    first = (await client.get("/v1/accounts?limit=2", headers=platform.headers)).json()
    assert first["object"] == "list"
    assert [a["id"] for a in first["data"]] == newest_first[:2]
    assert first["has_more"] is True

    second = await client.get(
        f"/v1/accounts?limit=2&starting_after={newest_first[1]}", headers=platform.headers
    )
    assert [a["id"] for a in second.json()["data"]] == newest_first[2:4]
    last = await client.get(
        f"/v1/accounts?limit=2&starting_after={newest_first[3]}", headers=platform.headers
    )
    assert [a["id"] for a in last.json()["data"]] == newest_first[4:]
    assert last.json()["has_more"] is False

    back = await client.get(
        f"/v1/accounts?limit=2&ending_before={newest_first[4]}", headers=platform.headers
    )
    assert [a["id"] for a in back.json()["data"]] == newest_first[2:4]
    assert back.json()["has_more"] is True


async def test_both_cursors_give_the_objects_between_them(client, new_tenant):
    platform, newest_first = await _platform_with_sellers(client, new_tenant, 5)
    between = await client.get(
        f"/v1/accounts?starting_after={newest_first[0]}&ending_before={newest_first[4]}&limit=2",
        headers=platform.headers,
    )
    assert [a["id"] for a in between.json()["data"]] == newest_first[1:3]
    assert between.json()["has_more"] is True


async def test_bad_pagination_parameters_are_422_naming_the_parameter(client, new_tenant):
    platform = await new_tenant("platform")
    headers = platform.headers
    assert_problem(
        await client.get("/v1/accounts?limit=0", headers=headers), 422, "validation_error", "limit"
    )
    assert_problem(
        await client.get("/v1/accounts?limit=101", headers=headers),
        422,
        "validation_error",
        "limit",
    )
    wrong_kind = "quo_01jd00000000000000000000zz"
    response = await client.get(f"/v1/accounts?starting_after={wrong_kind}", headers=headers)
    assert_problem(response, 422, "validation_error", "starting_after")
