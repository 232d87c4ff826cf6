"""One invoice, one cover: two quotes for the same invoice (same seller, buyer and invoice
number) can never both be in force, however the binds race; the quote says so up front."""

from __future__ import annotations

import asyncio
import secrets

from tests.covers.helpers import bind, bound, quoted
from tests.factories import quote_request
from tests.fixtures.market import platform_with_seller
from tests.helpers import assert_problem


def _same_invoice(body: dict, number: str) -> dict:
    return body | {"invoice": body["invoice"] | {"number": number}}


async def test_a_second_cover_on_the_same_invoice_is_refused(client, market):
    body = quote_request()
    first = await bound(client, market.platform, body, payment_method="pm_card_visa")
    # the same invoice, its number written differently
    second = await quoted(
        client, market.platform, _same_invoice(body, f"  {body['invoice']['number'].upper()} ")
    )

    assert second["invoice_covered_by"] == first["id"]
    response = await bind(client, market.platform, second, payment_method="pm_card_visa")

    assert_problem(response, 409, "invoice_already_covered", param="quote")
    assert first["id"] in response.json()["detail"]


async def test_an_invoice_number_pasted_with_invisible_characters_is_the_same_invoice(
    client, market
):
    body = quote_request()
    number = f"INV-{secrets.token_hex(3)}-7"
    first = await bound(client, market.platform, _same_invoice(body, number))
    pasted = number.replace("-", "\u2013", 1).replace("7", "\u200b\uff17")
    second = await quoted(client, market.platform, _same_invoice(body, pasted))

    assert second["invoice_covered_by"] == first["id"]
    assert_problem(await bind(client, market.platform, second), 409, "invoice_already_covered")


async def test_an_invoice_number_needs_a_letter_or_digit(client, market):
    for number in ("   ", "\u200b", "--", "INV\n1"):
        response = await client.post(
            "/v1/quotes",
            headers=market.platform.headers,
            json=_same_invoice(market.quote_request(), number),
        )
        assert_problem(response, 422, "validation_error", param="invoice.number")


async def test_after_a_cancellation_the_invoice_may_be_covered_again(client, market):
    body = quote_request()
    first = await bound(client, market.platform, body)
    second = await quoted(client, market.platform, body)
    cancel = await client.post(f"/v1/covers/{first['id']}/cancel", headers=market.platform.headers)
    assert cancel.json()["status"] == "cancelled"

    response = await bind(client, market.platform, second)

    assert response.status_code == 201, response.text
    reread = await client.get(f"/v1/quotes/{second['id']}", headers=market.platform.headers)
    assert reread.json()["invoice_covered_by"] == response.json()["id"]


async def test_another_sellers_invoice_with_the_same_number_is_another_invoice(
    client, market, new_tenant
):
    body = quote_request()
    await bound(client, market.platform, body)
    other = await platform_with_seller(new_tenant)
    quote = await quoted(client, other, body)
    assert quote["invoice_covered_by"] is None
    assert (await bind(client, other, quote)).status_code == 201


async def test_simultaneous_binds_of_one_invoice_make_one_cover(client, market):
    body = quote_request()
    quotes = [await quoted(client, market.platform, body) for _ in range(10)]

    answers = await asyncio.gather(*(bind(client, market.platform, q) for q in quotes))

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] + [409] * 9
    assert {a.json()["code"] for a in answers if a.status_code == 409} == {
        "invoice_already_covered"
    }
