"""A decline reason's ``limit`` is one object tagged by ``kind``: an amount is an integer in
minor units with its currency, a ratio a number, allowed or excluded values strings. Quotes
stored before limits were tagged read back in the same shape."""

from __future__ import annotations

from sqlalchemy import select, update

from marketplace.models import Quote
from marketplace.quotes.decline_limits import readable
from tests.covers.helpers import quoted
from tests.factories import quote_request
from tests.fixtures.market import by_product, codes

RISKY = {"payment_incidents_12m": 9, "avg_days_beyond_terms": 90, "bureau_score": 5}


def _limits(decline: dict) -> dict[str, dict]:
    return {reason["code"]: reason["limit"] for reason in decline["reasons"]}


async def test_each_kind_of_limit_has_its_typed_shape(client, market):
    quote = await quoted(client, market.platform, quote_request(sector="K", amount=30_000_000))
    atlas = _limits(by_product(quote)[1][market.product_id("Atlas")])
    assert atlas["sector_excluded"]["kind"] == "excluded"
    assert "K" in atlas["sector_excluded"]["values"]
    maximum = atlas["amount_above_maximum"]
    assert maximum == {"kind": "amount", "amount": 25_000_000, "currency": "EUR"}
    assert isinstance(maximum["amount"], int)

    ratios = await quoted(client, market.platform, quote_request(**RISKY) | {"cover_ratios": [0.5]})
    northwind = _limits(by_product(ratios)[1][market.product_id("Northwind")])
    assert northwind["cover_ratio_not_offered"] == {"kind": "ratios", "ratios": [0.85]}
    assert northwind["risk_too_high"] == {"kind": "ratio", "ratio": 0.03}


async def _stored_as_before(database, quote_id: str) -> None:
    """Rewrite the quote's stored declines in the shape quotes had before limits were tagged."""
    old = {
        "amount_above_maximum": 25_000_000,
        "sector_excluded": ["K", "O"],
        "tenor_too_long": 120,
        "risk_too_high": 0.03,
        "cover_ratio_not_offered": ["0.85"],
        "currency_not_supported": ["EUR"],
    }
    async with database.writer_session() as session:
        declines = (
            await session.execute(select(Quote.declines).where(Quote.id == quote_id))
        ).one()[0]
        legacy = [
            d | {"reasons": [r | {"limit": old.get(r["code"], r["limit"])} for r in d["reasons"]]}
            for d in declines
        ]
        await session.execute(update(Quote).where(Quote.id == quote_id).values(declines=legacy))
        await session.commit()


async def test_a_quote_stored_with_untagged_limits_reads_back_tagged(client, market, database):
    body = quote_request(sector="K", amount=30_000_000, days=150, **RISKY)
    quote = await quoted(client, market.platform, body | {"cover_ratios": [0.5]})
    await _stored_as_before(database, quote["id"])
    headers = market.platform.headers

    retrieved = await client.get(f"/v1/quotes/{quote['id']}", headers=headers)
    listed = await client.get("/v1/quotes", headers=headers, params={"buyer": quote["buyer"]})

    assert retrieved.status_code == 200, retrieved.text
    assert listed.status_code == 200, listed.text
    [from_list] = [q for q in listed.json()["data"] if q["id"] == quote["id"]]
    for answer in (retrieved.json(), from_list):
        declines = by_product(answer)[1]
        atlas = _limits(declines[market.product_id("Atlas")])
        assert atlas["amount_above_maximum"] == {
            "kind": "amount",
            "amount": 25_000_000,
            "currency": "EUR",
        }
        assert atlas["sector_excluded"] == {"kind": "excluded", "values": ["K", "O"]}
        assert atlas["tenor_too_long"] == {"kind": "days", "days": 120}
        northwind = declines[market.product_id("Northwind")]
        assert "cover_ratio_not_offered" in codes(northwind)
        assert _limits(northwind)["cover_ratio_not_offered"] == {"kind": "ratios", "ratios": [0.85]}


def test_each_stored_shape_is_read_by_its_reason_code():
    def reason(code: str, limit, message: str = "…") -> dict:
        return {"code": code, "message": message, "limit": limit}

    stored = [
        {
            "product": "prod_1",
            "reasons": [
                reason("capacity_exceeded", 400_000),
                reason("buyer_stopped", 0),
                reason("premium_exceeds_cover", 2_500),
                reason("risk_too_high", 0.06),
                reason("tenor_too_long", 90),
                reason("country_excluded", ["RU"], "Buyer country RU is excluded"),
                reason("country_excluded", ["BE", "FR"], "Buyer country DE is not accepted; …"),
                reason("cover_ratio_not_offered", ["0.9", "0.75"]),
                reason("unknown_code", None),
            ],
        }
    ]
    [decline] = readable(stored, "JPY")
    assert [r["limit"] for r in decline["reasons"]] == [
        {"kind": "amount", "amount": 400_000, "currency": "JPY"},
        {"kind": "amount", "amount": 0, "currency": "JPY"},
        {"kind": "amount", "amount": 2_500, "currency": "JPY"},
        {"kind": "ratio", "ratio": 0.06},
        {"kind": "days", "days": 90},
        {"kind": "excluded", "values": ["RU"]},
        {"kind": "accepted", "values": ["BE", "FR"]},
        {"kind": "ratios", "ratios": [0.9, 0.75]},
        None,
    ]
    assert readable(readable(stored, "JPY"), "JPY") == readable(stored, "JPY")
