"""A cover's ``metadata``, given at bind (Stripe's rules), and the covers list's filters:
``metadata[key]=value`` and ``invoice_number``, never reaching another tenant's covers."""

from __future__ import annotations

import pytest

from marketplace.models import Cover
from tests.covers.helpers import bind, quoted
from tests.factories import quote_request
from tests.fixtures.market import platform_with_seller
from tests.helpers import assert_problem


async def _bound(client, tenant, body=None, **metadata):
    response = await bind(client, tenant, await quoted(client, tenant, body), metadata=metadata)
    assert response.status_code == 201, response.text
    return response.json()


async def _listed(client, tenant, **query) -> list[str]:
    response = await client.get("/v1/covers", headers=tenant.headers, params=query | {"limit": 100})
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["data"]]


async def test_metadata_given_at_bind_is_kept_and_shown_to_every_reader(client, market):
    cover = await _bound(client, market.platform, order_id="ord_8842", checkout="")

    assert cover["metadata"] == {"order_id": "ord_8842"}
    insurer = next(t for t in market.insurers.values() if t.account_id == cover["insurer"])
    for reader in (market.platform, market.seller, insurer):
        read = await client.get(f"/v1/covers/{cover['id']}", headers=reader.headers)
        assert read.json()["metadata"] == {"order_id": "ord_8842"}


async def test_a_cover_shows_the_names_of_the_offer_it_bound(client, market):
    quote = await quoted(client, market.platform)
    offer = quote["offers"][0]
    response = await bind(client, market.platform, quote, offer=offer)
    cover = response.json()
    assert (cover["insurer_name"], cover["product_name"]) == (
        offer["insurer_name"],
        offer["product_name"],
    )


@pytest.mark.parametrize(
    ("metadata", "param"),
    [
        ({f"k{i}": "v" for i in range(51)}, "metadata"),
        ({"k" * 41: "v"}, "metadata." + "k" * 41),
        ({"order_id": "v" * 501}, "metadata.order_id"),
    ],
)
async def test_metadata_beyond_stripes_limits_refuses_the_bind(
    client, market, count_rows, metadata, param
):
    quote = await quoted(client, market.platform)
    response = await bind(client, market.platform, quote, metadata=metadata)
    assert_problem(response, 422, "validation_error", param=param)
    assert await count_rows(Cover) == 0
    reread = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert reread.json()["status"] == "quoted"


async def test_the_list_filters_on_metadata_and_the_invoice_number(client, market, new_tenant):
    body = quote_request()
    body["invoice"]["number"] = "INV 2026/7"
    web = await _bound(client, market.platform, body, channel="web")
    app = await _bound(client, market.platform, None, channel="app")
    rival = await platform_with_seller(new_tenant)
    theirs = await _bound(client, rival, body, channel="web")

    assert await _listed(client, market.platform, **{"metadata[channel]": "web"}) == [web["id"]]
    assert await _listed(client, market.seller, **{"metadata[channel]": "app"}) == [app["id"]]
    assert await _listed(client, market.platform, invoice_number="inv  2026/7") == [web["id"]]
    both = {"invoice_number": "INV 2026/7", "metadata[channel]": "app"}
    assert await _listed(client, market.platform, **both) == []
    assert await _listed(client, rival, invoice_number="INV 2026/7") == [theirs["id"]]
    insurer = next(t for t in market.insurers.values() if t.account_id == web["insurer"])
    assert web["id"] in await _listed(client, insurer, **{"metadata[channel]": "web"})
