"""Every cell of the status table (``marketplace/buyers/status.py``), through the API: a buyer
brought to a status, then one signal, then the status the answer and the buyer show."""

from __future__ import annotations

import asyncio

import pytest

from marketplace.buyers.status import WATCH_BELOW_BUREAU_SCORE, next_status
from tests.buyers.monitoring import buyer_of, quoted, signalled

STATUSES = ("normal", "watch", "stop", "insolvent")
REACHED_BY = {"normal": None, "watch": "rating_downgrade", "stop": "payment_default"}
REACHED_BY["insolvent"] = "insolvency"
LOW, HIGH = WATCH_BELOW_BUREAU_SCORE - 1, WATCH_BELOW_BUREAU_SCORE

# (signal type, bureau score) -> the status after it, from normal, watch, stop, insolvent
TABLE = {
    ("insolvency", None): ("insolvent", "insolvent", "insolvent", "insolvent"),
    ("payment_default", None): ("stop", "stop", "stop", "insolvent"),
    ("rating_downgrade", None): ("watch", "watch", "stop", "insolvent"),
    ("rating_upgrade", None): ("normal", "normal", "watch", "insolvent"),
    ("bureau_score", LOW): ("watch", "watch", "stop", "insolvent"),
    ("bureau_score", HIGH): ("normal", "watch", "stop", "insolvent"),
}
CASES = [
    pytest.param(signal, score, before, after, id=f"{signal}-{score}-from-{before}")
    for (signal, score), afters in TABLE.items()
    for before, after in zip(STATUSES, afters, strict=True)
]


@pytest.mark.parametrize(("signal", "score", "before", "after"), CASES)
async def test_a_signal_moves_the_status_by_the_table(
    client, market, new_tenant, signal, score, before, after
):
    operator = await new_tenant("operator")
    buyer_id = (await quoted(client, market.platform))["buyer"]
    if REACHED_BY[before] is not None:
        reached = await signalled(client, operator, buyer_id, REACHED_BY[before])
        assert reached["status"] == before
    extra = {} if score is None else {"bureau_score": score}

    answer = await signalled(client, operator, buyer_id, signal, **extra)

    assert answer["status"] == after
    assert answer["latest_signal"]["type"] == signal
    assert answer["latest_signal"]["bureau_score"] == score
    shown = await buyer_of(client, market.platform, buyer_id)
    assert shown["status"] == after
    listed = await client.get(f"/v1/buyers/{buyer_id}/signals", headers=operator.headers)
    latest = listed.json()["data"][0]
    assert (latest["type"], latest["status_before"], latest["status_after"]) == (
        signal,
        before,
        after,
    )


async def test_status_changed_at_moves_only_when_the_status_does(client, market, new_tenant):
    operator = await new_tenant("operator")
    buyer_id = (await quoted(client, market.platform))["buyer"]
    assert (await buyer_of(client, operator, buyer_id))["status_changed_at"] is None
    watched = await signalled(client, operator, buyer_id, "rating_downgrade")
    again = await signalled(client, operator, buyer_id, "rating_downgrade")
    assert watched["status_changed_at"] is not None
    assert again["status_changed_at"] == watched["status_changed_at"]


async def test_concurrent_signals_each_move_the_status_from_where_the_last_one_left_it(
    client, market, new_tenant
):
    operator = await new_tenant("operator")
    buyer_id = (await quoted(client, market.platform))["buyer"]
    kinds = ["rating_downgrade", "payment_default", "rating_upgrade", "rating_upgrade"] * 2

    await asyncio.gather(*(signalled(client, operator, buyer_id, kind) for kind in kinds))

    path = f"/v1/buyers/{buyer_id}/signals"
    listed = await client.get(path, headers=operator.headers, params={"limit": 100})
    chain = list(reversed(listed.json()["data"]))
    status = "normal"
    for signal in chain:
        assert signal["status_before"] == status
        status = next_status(status, signal["type"], None)
        assert signal["status_after"] == status
    assert (await buyer_of(client, market.platform, buyer_id))["status"] == status
