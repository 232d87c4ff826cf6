"""Each offer of a quote has its own validity: binding one past its ``expires_at`` is refused
(409 ``offer_expired``) while another offer of the same quote can still be bound, and the cover
waits for its premium until its offer's expiry."""

from __future__ import annotations

import datetime as dt

from marketplace.covers import controllers, jobs
from marketplace.kit.clock import utc_now
from marketplace.models import Cover
from tests.covers.helpers import bind, quoted
from tests.factories import product_terms
from tests.fixtures.market import by_product, make_product
from tests.helpers import assert_problem


async def test_an_expired_offer_is_refused_while_another_of_the_quote_is_bound(
    client, market, new_tenant, count_rows, monkeypatch
):
    brief = await make_product(
        client, await new_tenant("insurer"), product_terms(quote_validity_minutes=5)
    )
    quote = await quoted(client, market.platform)
    offers, _ = by_product(quote)
    short, long = offers[brief["id"]], offers[market.product_id("Atlas")]
    later = utc_now() + dt.timedelta(minutes=10)  # past the short offer, within the long one
    monkeypatch.setattr(controllers, "utc_now", lambda: later)

    refused = await bind(client, market.platform, quote, offer=short)

    body = assert_problem(refused, 409, "offer_expired", param="offer")
    assert short["expires_at"][:19] in body["detail"]
    assert await count_rows(Cover) == 0
    reread = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert reread.json()["status"] == "quoted"

    accepted = await bind(client, market.platform, quote, offer=long)

    assert accepted.status_code == 201, accepted.text
    cover = accepted.json()
    assert (cover["offer"], cover["status"]) == (long["id"], "pending_payment")
    assert cover["expires_at"] == long["expires_at"]  # it lapses at its offer's expiry


async def test_past_every_offer_the_quote_itself_has_expired(client, market, monkeypatch):
    quote = await quoted(client, market.platform)
    later = dt.datetime.fromisoformat(quote["expires_at"]) + dt.timedelta(seconds=1)
    monkeypatch.setattr(controllers, "utc_now", lambda: later)

    response = await bind(client, market.platform, quote)

    assert_problem(response, 409, "quote_expired", param="quote")


async def test_a_cover_lapsed_at_its_offers_expiry_frees_the_quotes_other_offers(
    client, market, new_tenant, database, gateway, monkeypatch
):
    brief = await make_product(
        client, await new_tenant("insurer"), product_terms(quote_validity_minutes=5)
    )
    quote = await quoted(client, market.platform)
    offers, _ = by_product(quote)
    short, long = offers[brief["id"]], offers[market.product_id("Atlas")]
    waiting = await bind(client, market.platform, quote, offer=short)  # no card: it waits
    assert waiting.json()["status"] == "pending_payment", waiting.text
    later = utc_now() + dt.timedelta(minutes=10)  # past the short offer, within the long one

    await jobs.expire_due(database, gateway, later)
    monkeypatch.setattr(controllers, "utc_now", lambda: later)
    lapsed = await client.get(f"/v1/covers/{waiting.json()['id']}", headers=market.platform.headers)
    assert lapsed.json()["status"] == "expired"
    accepted = await bind(client, market.platform, quote, offer=long)

    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["offer"] == long["id"]
