"""Binding an offer: a pending cover with a Stripe PaymentIntent, the buyer's capacity reserved."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from marketplace.accounts import service as accounts
from marketplace.kit.commands import SYSTEM
from marketplace.models import Cover, Quote
from tests.covers.helpers import bind, bound, exposure_of, quoted
from tests.factories import quote_request
from tests.helpers import assert_problem


async def test_a_bind_creates_a_pending_cover_with_a_payment_intent(client, market, database):
    quote = await quoted(client, market.platform)
    response = await bind(client, market.platform, quote)
    assert response.status_code == 201
    cover = response.json()
    offer = quote["offers"][0]
    assert cover["object"] == "cover"
    assert cover["status"] == "pending_payment"
    assert (cover["quote"], cover["offer"], cover["buyer"]) == (
        quote["id"],
        offer["id"],
        quote["buyer"],
    )
    assert (cover["premium"], cover["insured_amount"]) == (
        offer["premium"],
        offer["insured_amount"],
    )
    assert cover["payment"]["payment_intent"].startswith("pi_")
    assert cover["payment"]["client_secret"]
    assert cover["payment"]["status"] == "requires_payment_method"
    assert cover["certificate_number"] is None
    assert await exposure_of(database, cover) == offer["insured_amount"]
    reread = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert reread.json()["status"] == "bound"


async def test_a_declined_card_fails_the_cover_and_gives_the_capacity_back(
    client, market, database
):
    cover = await bound(client, market.platform, payment_method="pm_card_chargeCustomerFail")
    assert cover["status"] == "payment_failed"
    assert cover["payment"]["error_code"] == "card_declined"
    assert await exposure_of(database, cover) == 0
    quote = await client.get(f"/v1/quotes/{cover['quote']}", headers=market.platform.headers)
    assert quote.json()["status"] == "quoted"
    again = await bind(client, market.platform, quote.json(), payment_method="pm_card_visa")
    assert again.status_code == 201
    assert (again.json()["status"], again.json()["payment"]["status"]) == ("active", "succeeded")


async def test_a_card_that_pays_activates_the_cover_from_stripes_answer(client, market, gateway):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    assert (cover["status"], cover["payment"]["status"]) == ("active", "succeeded")
    assert cover["certificate_number"]
    intent = await gateway.retrieve_payment_intent(cover["payment"]["payment_intent"])
    assert (intent.status, intent.amount_minor, intent.currency) == (
        "succeeded",
        cover["premium"],
        cover["currency"],
    )


async def test_binding_a_bound_quote_is_refused(client, market, count_rows):
    quote = await quoted(client, market.platform)
    paid = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    assert paid.status_code == 201
    before = await count_rows(Cover)
    assert_problem(
        await bind(client, market.platform, quote), 409, "quote_already_bound", param="quote"
    )
    assert await count_rows(Cover) == before


async def test_binding_again_with_a_card_pays_the_cover_waiting_for_one(
    client, market, count_rows, gateway
):
    """Bound without a card, then with one: the same cover and PaymentIntent are paid."""
    quote = await quoted(client, market.platform)
    waiting = (await bind(client, market.platform, quote)).json()
    before = await count_rows(Cover)
    again = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    assert again.status_code == 201, again.text
    assert (again.json()["id"], again.json()["status"]) == (waiting["id"], "active")
    assert again.json()["payment"]["payment_intent"] == waiting["payment"]["payment_intent"]
    assert await count_rows(Cover) == before


async def test_an_unknown_payment_method_is_the_callers_mistake_and_frees_the_offer(
    client, market, database
):
    quote = await quoted(client, market.platform)
    response = await bind(client, market.platform, quote, payment_method="pm_nonexistent")
    assert_problem(response, 422, "payment_method_invalid", param="payment_method")
    again = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    assert again.status_code == 201, again.text
    assert again.json()["status"] == "active"
    assert await exposure_of(database, again.json()) == again.json()["insured_amount"]


async def test_an_unknown_payment_method_on_a_second_bind_is_the_callers_mistake(client, market):
    quote = await quoted(client, market.platform)
    assert (await bind(client, market.platform, quote)).status_code == 201
    again = await bind(client, market.platform, quote, payment_method="pm_nope123")
    assert_problem(again, 422, "payment_method_invalid", param="payment_method")


async def test_only_the_binder_sees_the_client_secret(client, market):
    cover = await bound(client, market.platform)
    assert cover["payment"]["client_secret"]
    insurer = next(
        t for n, t in market.insurers.items() if market.product_id(n) == cover["product"]
    )
    seen = await client.get(f"/v1/covers/{cover['id']}", headers=insurer.headers)
    assert seen.json()["payment"]["client_secret"] is None
    listed = await client.get("/v1/covers", headers=insurer.headers)
    assert all(c["payment"]["client_secret"] is None for c in listed.json()["data"])


async def test_a_live_key_cannot_bind_on_a_test_mode_stripe(client, market, database):
    live = await live_tenant(database, market.platform.account_id)
    response = await client.post(
        "/v1/covers", headers=live, json={"quote": "quo_" + "0" * 26, "offer": "off_" + "0" * 26}
    )
    assert_problem(response, 503, "payments_not_configured")


async def test_binding_an_expired_quote_is_refused(client, market, database, count_rows):
    quote = await quoted(client, market.platform)
    async with database.writer_session() as session:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        await session.execute(update(Quote).where(Quote.id == quote["id"]).values(expires_at=past))
        await session.commit()
    before = await count_rows(Cover)
    assert_problem(await bind(client, market.platform, quote), 409, "quote_expired", param="quote")
    assert await count_rows(Cover) == before


async def test_binding_another_tenants_quote_or_a_foreign_offer_is_not_found(
    client, market, new_tenant
):
    quote = await quoted(client, market.platform)
    stranger = await new_tenant("platform")
    assert_problem(await bind(client, stranger, quote), 404, "resource_not_found", param="quote")
    other = await quoted(client, market.platform)
    foreign_offer = await bind(client, market.platform, quote, offer=other["offers"][0])
    assert_problem(foreign_offer, 404, "resource_not_found", param="offer")


async def test_a_paused_product_cannot_be_bound(client, market):
    quote = await quoted(client, market.platform, quote_request())
    offer = quote["offers"][0]
    insurer = next(
        t for n, t in market.insurers.items() if market.product_id(n) == offer["product"]
    )
    await client.post(f"/v1/products/{offer['product']}/pause", headers=insurer.headers)
    assert_problem(
        await bind(client, market.platform, quote), 409, "product_unavailable", param="offer"
    )


async def test_covers_are_read_by_their_platform_seller_and_insurer_only(
    client, market, new_tenant
):
    cover = await bound(
        client, market.platform, quote_request() | {"seller": market.seller.account_id}
    )
    insurer = next(
        t for n, t in market.insurers.items() if market.product_id(n) == cover["product"]
    )
    for reader in (market.platform, market.seller, insurer):
        assert (
            await client.get(f"/v1/covers/{cover['id']}", headers=reader.headers)
        ).status_code == 200
    for stranger in (await new_tenant("platform"), await new_tenant("insurer")):
        response = await client.get(f"/v1/covers/{cover['id']}", headers=stranger.headers)
        assert_problem(response, 404, "resource_not_found")
    listed = await client.get(f"/v1/covers?buyer={cover['buyer']}", headers=insurer.headers)
    assert [c["id"] for c in listed.json()["data"]] == [cover["id"]]
    cancel = await client.post(f"/v1/covers/{cover['id']}/cancel", headers=insurer.headers)
    assert_problem(cancel, 403, "insufficient_role")


async def live_tenant(database, account_id: str) -> dict[str, str]:
    """Headers with a live key of the account (made as the CLI makes them)."""
    async with database.writer_session() as session:
        created = await accounts.create_api_key(session, SYSTEM, account_id, True, "live")
        await session.commit()
    return {"Authorization": f"Bearer {created.secret}"}
