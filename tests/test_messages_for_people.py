"""Messages are written for people: values as they are sent (``C``, not ``<Sector.C: 'C'>``),
and amounts with their currency in major units (``EUR 250,000.00``, not ``25,000,000``)."""

from __future__ import annotations

import re
from typing import Any

from tests.covers.helpers import quoted
from tests.factories import product_terms, quote_request
from tests.fixtures.market import make_product
from tests.helpers import assert_problem

PYTHON_REPR = re.compile(r"<[^<>]*:[^<>]*>")
"""What Python prints for an enum member, an object or a class: ``<Sector.C: 'C'>``."""
TEXT_FIELDS = ("detail", "title", "message")


def _texts(document: Any) -> list[str]:
    """Every message-like text of an answer, wherever it is nested."""
    if isinstance(document, dict):
        own = [v for k, v in document.items() if k in TEXT_FIELDS and isinstance(v, str)]
        return own + [text for value in document.values() for text in _texts(value)]
    if isinstance(document, list):
        return [text for item in document for text in _texts(item)]
    return []


def _bad_requests(ids: dict[str, str]) -> list[tuple[str, str, Any]]:
    quote = quote_request()
    quote["invoice"] |= {"currency": "XXX", "amount": "12"}
    quote["buyer"] |= {"sector": "Z", "country": "ZZ", "employees": 1.5}
    both = product_terms(sectors=["C", "F"], excluded_sectors=["C", "K"])
    both |= {"countries": ["FR"], "excluded_countries": ["FR"]}
    twice = product_terms()
    twice["currencies"] *= 2
    twice["currencies"][0]["amount_min"] = 10**9
    return [
        ("post", "/v1/quotes", quote),
        ("post", "/v1/quotes", quote_request() | {"cover_ratios": [2, "x"], "extra": {}}),
        ("post", "/v1/products", both),
        ("post", "/v1/products", twice),
        ("post", "/v1/products", product_terms(excluded_sectors=["Q", 3])),
        ("post", "/v1/accounts", {"role": "king", "name": 42}),
        ("post", "/v1/covers", {"quote": "quo_x", "offer": 1, "payment_method": None}),
        ("post", "/v1/webhook_endpoints", {"url": "ftp://x", "enabled_events": ["nope"]}),
        ("post", f"/v1/buyers/{ids['buyer']}/signals", {"type": "rumour", "effective_on": "x"}),
        ("post", f"/v1/buyers/{ids['buyer']}/limits", {"currency": "EURO", "amount": -1}),
        ("post", "/v1/claims", {"cover": 5}),
        ("get", "/v1/quotes?status=nope&buyer=1", None),
        ("get", "/v1/covers?status=nope&colour=red", None),
        ("get", "/v1/quotes?limit=0", None),
        ("get", "/v1/products/prod_x/versions/99999999999", None),
    ]


async def test_no_error_message_shows_a_python_repr(client, market, new_tenant):
    quote = await quoted(client, market.platform)
    callers = [market.platform, market.insurers["Atlas"], await new_tenant("operator")]
    seen = 0
    for method, path, body in _bad_requests({"buyer": quote["buyer"]}):
        for caller in callers:
            response = await client.request(method, path, headers=caller.headers, json=body)
            assert 400 <= response.status_code < 500, (path, response.text)
            texts = _texts(response.json())
            seen += len(texts)
            assert [t for t in texts if PYTHON_REPR.search(t)] == [], (path, texts)
    assert seen > 100  # the scan read messages, not empty answers


async def test_no_decline_reason_or_counter_offer_shows_a_python_repr(client, market):
    risky = {"payment_incidents_12m": 9, "avg_days_beyond_terms": 90, "bureau_score": 5}
    bodies = [
        quote_request(currency="GBP", sector="K", country="US", days=150, amount=90_000_000),
        quote_request(**risky) | {"cover_ratios": [0.55]},
        quote_request(amount=60_000_000),
    ]
    texts = []
    for body in bodies:
        answer = await quoted(client, market.platform, body)
        texts += _texts(answer["declines"])
    assert len(texts) > 10
    assert [t for t in texts if PYTHON_REPR.search(t)] == []


async def test_a_sector_both_accepted_and_excluded_is_named_as_sent(client, new_tenant):
    insurer = await new_tenant("insurer")
    terms = product_terms(sectors=["C", "F"], excluded_sectors=["C", "K"])
    response = await client.post("/v1/products", headers=insurer.headers, json=terms)
    problem = assert_problem(response, 422, "invalid_product_terms", param="excluded_sectors")
    assert problem["errors"] == [
        {
            "param": "excluded_sectors",
            "message": "both accepted and excluded: C",
            "code": "accepted_and_excluded",
        }
    ]


async def test_amounts_in_decline_reasons_and_counter_offers_show_their_currency(
    client, market, new_tenant
):
    insurer = await new_tenant("insurer")
    terms = product_terms(cover_ratios=[0.9])
    terms["currencies"][0] |= {"amount_min": 100_000, "amount_max": 25_000_000}
    product = await make_product(client, insurer, terms)

    too_big = await quoted(client, market.platform, quote_request(amount=30_000_000))
    [decline] = [d for d in too_big["declines"] if d["product"] == product["id"]]
    [reason] = decline["reasons"]
    assert reason["message"] == (
        "Invoice amount EUR 300,000.00 is above the maximum of EUR 250,000.00"
    )
    assert decline["counter_offer"]["message"] == (
        "Insurable with an invoice of at most EUR 250,000.00"
    )
    too_small = await quoted(client, market.platform, quote_request(amount=99_999))
    [decline] = [d for d in too_small["declines"] if d["product"] == product["id"]]
    assert decline["reasons"][0]["message"] == (
        "Invoice amount EUR 999.99 is below the minimum of EUR 1,000.00"
    )
