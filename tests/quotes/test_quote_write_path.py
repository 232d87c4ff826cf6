"""The quote write path (reads outside any transaction, writes through the group commit, caches
for keys and products) keeps every guarantee: one quote per Idempotency-Key under a stampede,
a revoked key refused at once, a paused product out of the very next quote, a buyer's facts
rewritten only when they change, and a failing write costing only its own request."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from marketplace.buyers import registry
from marketplace.kit.cache import TtlCache
from marketplace.models import Buyer, BuyerFactSet, IdempotencyRecord, Quote
from tests.helpers import assert_problem


def _headers(tenant, key: str | None = None) -> dict[str, str]:
    return {**tenant.headers, **({"Idempotency-Key": key} if key else {})}


async def test_a_stampede_on_one_key_makes_one_quote_and_every_answer_is_it(
    client, market, count_rows
):
    body = market.quote_request()
    answers = await asyncio.gather(
        *(
            client.post("/v1/quotes", headers=_headers(market.platform, "stampede"), json=body)
            for _ in range(16)
        )
    )
    created = [a for a in answers if a.status_code == 201]
    assert {a.status_code for a in answers} <= {201, 409}
    assert len({a.json()["id"] for a in created}) == 1
    assert sum("idempotent-replayed" not in a.headers for a in created) == 1
    assert await count_rows(Quote) == 1
    assert await count_rows(IdempotencyRecord) == 1


async def test_a_replayed_quote_is_the_stored_answer_byte_for_byte(client, market, count_rows):
    body = market.quote_request()
    first = await client.post("/v1/quotes", headers=_headers(market.platform, "k1"), json=body)
    again = await client.post("/v1/quotes", headers=_headers(market.platform, "k1"), json=body)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert await count_rows(Quote) == 1


async def test_one_key_with_another_quote_is_422_and_writes_nothing(client, market, count_rows):
    await client.post(
        "/v1/quotes", headers=_headers(market.platform, "k2"), json=market.quote_request()
    )
    other = market.quote_request()
    other["invoice"]["number"] = "ANOTHER-1"
    response = await client.post("/v1/quotes", headers=_headers(market.platform, "k2"), json=other)
    assert_problem(response, 422, "idempotency_key_reused", param="Idempotency-Key")
    assert await count_rows(Quote) == 1


async def test_a_revoked_key_is_refused_at_once_though_it_was_just_used(client, market):
    platform = market.platform
    quoted = await client.post("/v1/quotes", headers=platform.headers, json=market.quote_request())
    assert quoted.status_code == 201  # the key is now in the process's cache
    keys = await client.get(f"/v1/accounts/{platform.account_id}/keys", headers=platform.headers)
    [key] = keys.json()["data"]
    revoked = await client.post(
        f"/v1/accounts/{platform.account_id}/keys/{key['id']}/revoke", headers=platform.headers
    )
    assert revoked.status_code == 200, revoked.text
    refused = await client.post("/v1/quotes", headers=platform.headers, json=market.quote_request())
    assert_problem(refused, 401, "api_key_revoked")


async def test_a_paused_product_is_out_of_the_very_next_quote(client, market):
    atlas = market.product_id("Atlas")
    before = await client.post(
        "/v1/quotes", headers=market.platform.headers, json=market.quote_request()
    )
    assert atlas in {o["product"] for o in before.json()["offers"]} | {
        d["product"] for d in before.json()["declines"]
    }
    paused = await client.post(
        f"/v1/products/{atlas}/pause", headers=market.insurers["Atlas"].headers
    )
    assert paused.status_code == 200, paused.text
    after = await client.post(
        "/v1/quotes", headers=market.platform.headers, json=market.quote_request()
    )
    answered = {o["product"] for o in after.json()["offers"]}
    answered |= {d["product"] for d in after.json()["declines"]}
    assert atlas not in answered


async def test_the_buyers_facts_are_written_only_when_they_change(client, market, database):
    async def stored() -> tuple[object, object]:
        async with database.reader_session() as session:
            row = (await session.execute(select(BuyerFactSet))).scalar_one()
            return row.updated_at, row.employees

    body = market.quote_request()
    await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    first = await stored()
    await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert await stored() == first  # the same facts: nothing rewritten
    body["buyer"]["employees"] = 321
    await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    updated_at, employees = await stored()
    assert employees == 321
    assert updated_at != first[0]


async def test_concurrent_quotes_lose_none_of_each_others_facts(
    client, market, database, monkeypatch
):
    """Two quotes at once on one buyer, each giving one new fact, both having read the stored
    facts before either writes: the stored facts hold both (each quote's facts are merged into
    the row by its own write, not over what it read)."""
    first = market.quote_request(payment_incidents_12m=0, bureau_score=70)
    await client.post("/v1/quotes", headers=market.platform.headers, json=first)
    both_read = asyncio.Barrier(2)
    read = registry.on_record

    async def on_record_then_wait(*args, **kwargs):
        found = await read(*args, **kwargs)
        await asyncio.wait_for(both_read.wait(), timeout=10)
        return found

    monkeypatch.setattr(registry, "on_record", on_record_then_wait)
    identity = {k: first["buyer"][k] for k in ("country", "registration_number")}
    incidents, score = market.quote_request(), market.quote_request()
    incidents["buyer"] = {**identity, "payment_incidents_12m": 5}
    score["buyer"] = {**identity, "bureau_score": 20}
    answers = await asyncio.gather(
        *(
            client.post("/v1/quotes", headers=market.platform.headers, json=b)
            for b in (incidents, score)
        )
    )
    assert [a.status_code for a in answers] == [201, 201]
    async with database.reader_session() as session:
        facts = (await session.execute(select(BuyerFactSet))).scalar_one()
    assert (facts.payment_incidents_12m, facts.bureau_score) == (5, 20)
    assert facts.name == first["buyer"]["name"]  # what neither quote gave is kept


async def test_a_request_that_loses_its_key_registers_no_buyer(client, market, count_rows):
    """Ten quotes at once for ten new buyers with one Idempotency-Key: one is stored, the others
    are refused (422: the key was used with another request), and only its buyer exists."""
    bodies = [market.quote_request() for _ in range(10)]
    answers = await asyncio.gather(
        *(
            client.post("/v1/quotes", headers=_headers(market.platform, "one-key"), json=b)
            for b in bodies
        )
    )
    assert sorted(a.status_code for a in answers) == [201] + [422] * 9
    assert await count_rows(Quote) == 1
    assert await count_rows(Buyer) == 1


async def test_a_failing_write_fails_only_its_own_request(client, market, count_rows, monkeypatch):
    """Three quotes in one batch, one of whose rows breaks a constraint: the other two are
    stored and answered; the third is a 500 and stores nothing."""
    from marketplace.quotes import repository as quote_rows
    from marketplace.quotes import writes

    original = writes.QuoteWrites.rows

    def rows(self, dialect_name):
        for statement, values in original(self, dialect_name):
            broken = self.quote.invoice_number == "BREAKS" and statement is quote_rows._QUOTE_INSERT
            yield statement, {**values, "buyer_id": None} if broken else values  # NOT NULL

    monkeypatch.setattr(writes.QuoteWrites, "rows", rows)
    bodies = [market.quote_request() for _ in range(3)]
    for n, body in enumerate(bodies):
        body["invoice"]["number"] = "BREAKS" if n == 1 else f"FINE-{n}"
    answers = await asyncio.gather(
        *(client.post("/v1/quotes", headers=market.platform.headers, json=b) for b in bodies)
    )
    assert [a.status_code for a in answers] == [201, 500, 201]
    assert_problem(answers[1], 500, "internal_error")
    assert await count_rows(Quote) == 2
    assert await count_rows(Quote, Quote.invoice_number == "BREAKS") == 0


def test_a_load_begun_before_an_invalidation_is_not_kept() -> None:
    cache = TtlCache(ttl_seconds=60)
    loading = cache.loading()  # a request reads the old row ...
    cache.invalidate()  # ... while another commits a change
    cache.put("key", "old row", loading)
    assert cache.get("key") is None
    fresh = cache.loading()
    cache.put("key", "new row", fresh)
    assert cache.get("key") == "new row"


def test_an_entry_expires_after_its_time() -> None:
    cache = TtlCache(ttl_seconds=0.0)
    cache.put("key", "value", cache.loading())
    assert cache.get("key") is None
