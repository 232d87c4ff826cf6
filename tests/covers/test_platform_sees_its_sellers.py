"""A platform reads the quotes and covers of the sellers connected to it, whoever made them
(it answers for its sellers' insurance); no other tenant does."""

from __future__ import annotations

from tests.covers.helpers import bound
from tests.factories import quote_request
from tests.helpers import assert_problem


async def test_a_platform_reads_its_sellers_own_quotes_and_covers(client, market, new_tenant):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    rival = await new_tenant("platform")
    cover = await bound(client, seller)

    for path in (f"/v1/covers/{cover['id']}", f"/v1/quotes/{cover['quote']}"):
        seen = await client.get(path, headers=platform.headers)
        assert seen.status_code == 200, seen.text
        assert_problem(await client.get(path, headers=rival.headers), 404, "resource_not_found")
    listed = await client.get("/v1/covers", headers=platform.headers)
    assert [c["id"] for c in listed.json()["data"]] == [cover["id"]]
    quotes = await client.get("/v1/quotes", headers=platform.headers)
    assert [q["id"] for q in quotes.json()["data"]] == [cover["quote"]]
    assert (await client.get("/v1/covers", headers=rival.headers)).json()["data"] == []


async def test_a_platform_binds_only_quotes_asked_for_by_it_or_for_its_sellers(
    client, market, new_tenant
):
    """Reading is not binding: the seller's own quote is the seller's to bind."""
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    quote = await client.post("/v1/quotes", headers=seller.headers, json=quote_request())
    chosen = quote.json()["offers"][0]["id"]
    response = await client.post(
        "/v1/covers",
        headers=platform.headers,
        json={"quote": quote.json()["id"], "offer": chosen},
    )
    assert_problem(response, 404, "resource_not_found", param="quote")
