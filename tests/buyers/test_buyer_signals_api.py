"""Signals on a buyer: who may send and read them, what a bad one is told, what they show."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.buyers.monitoring import (
    SOURCE,
    TODAY,
    buyer_of,
    covered,
    post_signal,
    quoted,
    signalled,
)
from tests.helpers import assert_problem


@pytest.fixture
async def cover(client, market) -> dict:
    """A buyer the market's seller holds an Atlas cover on (so Atlas's insurer sees it)."""
    return await covered(client, market.seller, market.product_id("Atlas"))


async def test_an_insurer_reports_a_signal_and_gets_the_buyers_public_status(client, market, cover):
    atlas = market.insurers["Atlas"]
    response = await post_signal(client, atlas, cover["buyer"], "payment_default")

    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["object"] == "buyer"
    assert (answer["id"], answer["status"], answer["livemode"]) == (cover["buyer"], "stop", False)
    assert answer["latest_signal"] == {
        "id": answer["latest_signal"]["id"],
        "type": "payment_default",
        "effective_on": TODAY.isoformat(),
        "source": SOURCE,
        "bureau_score": None,
    }
    assert answer["latest_signal"]["id"].startswith("sig_")
    assert answer["limit_change"] is None
    assert "Acme SAS" not in response.text  # the tenants' own facts never show
    assert (await buyer_of(client, market.seller, cover["buyer"]))["status"] == "stop"


async def test_signals_are_listed_newest_first_a_page_at_a_time(client, market, cover):
    atlas = market.insurers["Atlas"]
    first = await signalled(client, atlas, cover["buyer"], "rating_downgrade")
    second = await signalled(client, atlas, cover["buyer"], "bureau_score", bureau_score=55)
    path = f"/v1/buyers/{cover['buyer']}/signals"

    page = (await client.get(path, headers=atlas.headers, params={"limit": 1})).json()
    assert page["has_more"] is True
    [newest] = page["data"]
    assert newest["id"] == second["latest_signal"]["id"]
    assert (newest["object"], newest["buyer"], newest["bureau_score"]) == (
        "buyer_signal",
        cover["buyer"],
        55,
    )
    assert (newest["status_before"], newest["status_after"]) == ("watch", "watch")
    older = await client.get(
        path, headers=atlas.headers, params={"limit": 1, "starting_after": newest["id"]}
    )
    assert [s["id"] for s in older.json()["data"]] == [first["latest_signal"]["id"]]
    assert older.json()["has_more"] is False


async def test_the_operator_signals_any_buyer_of_its_mode(client, market, new_tenant):
    buyer_id = (await quoted(client, market.platform))["buyer"]
    answer = await signalled(client, await new_tenant("operator"), buyer_id, "rating_downgrade")
    assert answer["status"] == "watch"


@pytest.mark.parametrize("role", ["platform", "seller"])
async def test_platforms_and_sellers_may_not_send_or_read_signals(client, market, cover, role):
    tenant = market.platform if role == "platform" else market.seller
    sent = await post_signal(client, tenant, cover["buyer"], "payment_default")
    assert_problem(sent, 403, "insufficient_role")
    read = await client.get(f"/v1/buyers/{cover['buyer']}/signals", headers=tenant.headers)
    assert_problem(read, 403, "insufficient_role")
    assert (await buyer_of(client, tenant, cover["buyer"]))["status"] == "normal"


async def test_an_insurer_that_cannot_see_the_buyer_finds_no_buyer(
    client, market, cover, new_tenant
):
    for insurer in (market.insurers["Northwind"], await new_tenant("insurer")):
        sent = await post_signal(client, insurer, cover["buyer"], "insolvency")
        assert_problem(sent, 404, "resource_not_found")
        read = await client.get(f"/v1/buyers/{cover['buyer']}/signals", headers=insurer.headers)
        assert_problem(read, 404, "resource_not_found")
    atlas = market.insurers["Atlas"]
    assert (await buyer_of(client, atlas, cover["buyer"]))["status"] == "normal"


TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("signal_type", "fields", "code", "param"),
    [
        ("payment_default", {"effective_on": TOMORROW}, "effective_on_in_future", "effective_on"),
        ("bureau_score", {}, "bureau_score_required", "bureau_score"),
        ("rating_upgrade", {"bureau_score": 50}, "bureau_score_not_allowed", "bureau_score"),
        ("bureau_score", {"bureau_score": 101}, "validation_error", "bureau_score"),
        ("bankruptcy", {}, "validation_error", "type"),
        ("insolvency", {"source": ""}, "validation_error", "source"),
        ("insolvency", {"source": "   "}, "validation_error", "source"),
        ("insolvency", {"source": "x" * 201}, "validation_error", "source"),
        ("insolvency", {"effective_on": "yesterday"}, "validation_error", "effective_on"),
        ("insolvency", {"severity": "high"}, "validation_error", "severity"),
    ],
)
async def test_a_bad_signal_is_refused_with_a_stable_code_and_changes_nothing(
    client, market, cover, signal_type, fields, code, param
):
    atlas = market.insurers["Atlas"]
    response = await post_signal(client, atlas, cover["buyer"], signal_type, **fields)
    assert_problem(response, 422, code, param)
    listed = await client.get(f"/v1/buyers/{cover['buyer']}/signals", headers=atlas.headers)
    assert listed.json()["data"] == []
