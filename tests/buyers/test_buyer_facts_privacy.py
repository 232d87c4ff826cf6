"""A buyer's facts belong to the account that sent them: never read, nor scored on, by a rival."""

from __future__ import annotations

import copy
from typing import Any

from tests.factories import quote_request
from tests.fixtures.market import for_seller, platform_with_seller


async def _quote(client, tenant, body) -> dict[str, Any]:
    body = for_seller(tenant, body)
    response = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _identity_only(body: dict[str, Any], **facts: Any) -> dict[str, Any]:
    """The same invoice, saying of the buyer only who it is (and ``facts``)."""
    sparse = copy.deepcopy(body)
    buyer = body["buyer"]
    sparse["buyer"] = {
        "country": buyer["country"],
        "registration_number": buyer["registration_number"],
        **facts,
    }
    return sparse


def _risk(quote: dict[str, Any]) -> tuple[float, str, str]:
    return quote["risk"]["probability_of_default"], quote["risk"]["grade"], quote["status"]


async def test_a_rival_quoting_only_the_identity_reads_none_of_the_facts(
    client, market, new_tenant
):
    first = quote_request(name="Acme Secret Holdings SAS", annual_revenue=987_654_321)
    mine = await _quote(client, market.platform, first)
    rival = await platform_with_seller(new_tenant)
    theirs = await _quote(client, rival, _identity_only(first))
    assert theirs["buyer"] == mine["buyer"]
    # Scored on what the rival said (nothing), not on what the first platform said.
    assert theirs["risk"]["probability_of_default"] != mine["risk"]["probability_of_default"]

    response = await client.get(f"/v1/buyers/{mine['buyer']}", headers=rival.headers)
    seen = response.json()
    assert (seen["name"], seen["sector"], seen["fact_sets"]) == (None, None, None)
    assert set(seen["facts"].values()) == {None}
    assert _risk(theirs)[:2] == (seen["risk"]["probability_of_default"], seen["risk"]["grade"])
    listed = await client.get("/v1/buyers", headers=rival.headers)
    for leaked in ("Acme Secret Holdings", "987654321"):
        assert leaked not in response.text
        assert leaked not in listed.text


async def test_a_rival_reporting_50_incidents_does_not_move_another_platforms_quote(
    client, market, new_tenant
):
    first = quote_request()
    before = await _quote(client, market.platform, first)
    rival = await platform_with_seller(new_tenant)
    await _quote(client, rival, _identity_only(first, payment_incidents_12m=50))
    again = await _quote(client, market.platform, _identity_only(first))
    assert _risk(again) == _risk(before)
    assert [o["product"] for o in again["offers"]] == [o["product"] for o in before["offers"]]
    mine = await client.get(f"/v1/buyers/{before['buyer']}", headers=market.platform.headers)
    assert mine.json()["facts"]["payment_incidents_12m"] == 0


async def test_the_operator_reads_every_accounts_facts(client, market, new_tenant):
    first = quote_request()
    mine = await _quote(client, market.platform, first)
    rival = await platform_with_seller(new_tenant)
    theirs = await _quote(client, rival, _identity_only(first, employees=7))
    operator = await new_tenant("operator")
    seen = (await client.get(f"/v1/buyers/{mine['buyer']}", headers=operator.headers)).json()
    by_account = {f["account"]: f for f in seen["fact_sets"]}
    assert set(by_account) == {market.platform.account_id, rival.account_id}
    assert by_account[market.platform.account_id]["facts"]["employees"] == 48
    rival_facts = by_account[rival.account_id]["facts"]
    assert {name: value for name, value in rival_facts.items() if value is not None} == {
        "employees": 7
    }
    assert by_account[rival.account_id]["risk"]["grade"] == theirs["risk"]["grade"]
    assert set(seen["facts"].values()) == {None}
