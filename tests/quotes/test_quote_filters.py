"""A quote's ``metadata`` (Stripe's rules) and the list's filters: ``metadata[key]=value`` and
``invoice_number``, never reaching another tenant's quotes."""

from __future__ import annotations

import pytest

from marketplace.models import Quote
from tests.factories import quote_request
from tests.fixtures.market import for_seller, platform_with_seller
from tests.helpers import assert_problem


async def _quote(client, tenant, body):
    response = await client.post(
        "/v1/quotes", headers=tenant.headers, json=for_seller(tenant, body)
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _listed(client, tenant, **query) -> list[str]:
    response = await client.get("/v1/quotes", headers=tenant.headers, params=query | {"limit": 100})
    assert response.status_code == 200, response.text
    return [q["id"] for q in response.json()["data"]]


async def test_metadata_is_kept_returned_and_an_empty_value_is_not_kept(client, market):
    metadata = {"order_id": "ord_8842", "checkout": "", "note": "é \" ' [x]"}
    quote = await _quote(client, market.platform, market.quote_request() | {"metadata": metadata})

    kept = {"order_id": "ord_8842", "note": "é \" ' [x]"}
    assert quote["metadata"] == kept
    reread = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert reread.json()["metadata"] == kept
    plain = await _quote(client, market.platform, market.quote_request())
    assert plain["metadata"] == {}


@pytest.mark.parametrize(
    ("metadata", "param"),
    [
        ({f"k{i}": "v" for i in range(51)}, "metadata"),
        ({"k" * 41: "v"}, "metadata." + "k" * 41),
        ({"order_id": "v" * 501}, "metadata.order_id"),
        ({"order[id]": "v"}, "metadata.order[id]"),
    ],
)
async def test_metadata_beyond_stripes_limits_is_422_naming_the_field(
    client, market, count_rows, metadata, param
):
    body = market.quote_request() | {"metadata": metadata}
    response = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert_problem(response, 422, "validation_error", param=param)
    assert await count_rows(Quote) == 0


async def test_fifty_keys_of_forty_characters_and_values_of_500_are_taken(client, market):
    metadata = {f"{i:02d}".ljust(40, "k"): "v" * 500 for i in range(50)}
    quote = await _quote(client, market.platform, market.quote_request() | {"metadata": metadata})
    assert quote["metadata"] == metadata


async def test_the_list_filters_on_metadata_pairs(client, market, new_tenant):
    def tagged(**metadata):
        return quote_request() | {"metadata": metadata}

    web = await _quote(client, market.platform, tagged(channel="web", order="1"))
    app = await _quote(client, market.platform, tagged(channel="app", order="2"))
    odd = await _quote(client, market.platform, tagged(**{'ré"f.x': "été"}))
    rival = await platform_with_seller(new_tenant)
    await _quote(client, rival, tagged(channel="web", order="1"))

    platform = market.platform
    assert await _listed(client, platform, **{"metadata[channel]": "web"}) == [web["id"]]
    both = {"metadata[channel]": "app", "metadata[order]": "2"}
    assert await _listed(client, platform, **both) == [app["id"]]
    assert (
        await _listed(client, platform, **{"metadata[channel]": "app", "metadata[order]": "1"})
        == []
    )
    assert await _listed(client, platform, **{'metadata[ré"f.x]': "été"}) == [odd["id"]]
    assert await _listed(client, market.seller, **{"metadata[order]": "1"}) == [web["id"]]
    assert await _listed(client, rival, **{"metadata[channel]": "app"}) == []


async def test_a_bad_metadata_filter_is_422_naming_it_and_other_families_stay_refused(
    client, market
):
    headers = market.platform.headers
    for query, param in (
        ({"metadata[order]": ""}, "metadata[order]"),
        ({"metadata[" + "k" * 41 + "]": "1"}, "metadata[" + "k" * 41 + "]"),
        ({"meta[order]": "1"}, "meta[order]"),
    ):
        response = await client.get("/v1/quotes", headers=headers, params=query)
        assert_problem(response, 422, "validation_error", param=param)
    products = await client.get(
        "/v1/products", headers=market.insurers["Atlas"].headers, params={"metadata[a]": "1"}
    )
    assert_problem(products, 422, "validation_error", param="metadata[a]")


async def test_the_list_filters_on_the_invoice_number_as_people_mean_it(client, market, new_tenant):
    body = market.quote_request()
    body["invoice"]["number"] = "FA-2026-0042"
    mine = await _quote(client, market.platform, body)
    other = await _quote(client, market.platform, market.quote_request())
    rival = await platform_with_seller(new_tenant)
    theirs = await _quote(client, rival, body | {"seller": rival.seller})

    for typed in ("FA-2026-0042", " fa\u20132026-0042 ", "\uff26\uff21-2026-0042"):
        assert await _listed(client, market.platform, invoice_number=typed) == [mine["id"]]
    assert other["id"] not in await _listed(client, market.platform, invoice_number="FA-2026-0042")
    assert await _listed(client, rival, invoice_number="fa-2026-0042") == [theirs["id"]]
    refused = await client.get(
        "/v1/quotes", headers=market.platform.headers, params={"invoice_number": "x" * 101}
    )
    assert_problem(refused, 422, "validation_error", param="invoice_number")
