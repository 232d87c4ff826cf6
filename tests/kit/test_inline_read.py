"""The embedded SQLite's inline reader (``kit.inline_read``): the quote's one read, run on the
event loop's thread, gives exactly the rows the session gives, cannot write, and when it fails
the quote reads through its session instead."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from marketplace.buyers import repository
from marketplace.kit import inline_read
from marketplace.kit.ids import new_id
from marketplace.models import Buyer, BuyerExposure, BuyerLimit, BuyerSignal


async def _buyer_with_everything(client, market, database) -> Buyer:
    """A buyer on record with facts, a bureau score signal, an exposure and a limit: every
    column of the read has a value, of every type it converts (dates, times, booleans)."""
    body = market.quote_request()
    quoted = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert quoted.status_code == 201, quoted.text
    insurer = market.insurers["Atlas"].account_id
    async with database.writer_session() as session:
        buyer = (await session.execute(select(Buyer))).scalar_one()
        product = market.product_id("Atlas")
        session.add_all(
            [
                BuyerExposure(
                    buyer_id=buyer.id, product_id=product, currency="EUR", exposure_minor=4_000_00
                ),
                BuyerLimit(
                    buyer_id=buyer.id,
                    product_id=product,
                    currency="EUR",
                    amount_minor=90_000_00,
                    account_id=insurer,
                ),
                BuyerSignal(
                    id=new_id("buyer_signal"),
                    livemode=False,
                    buyer_id=buyer.id,
                    account_id=insurer,
                    type="bureau_score",
                    effective_on=dt.date(2026, 3, 1),
                    source="bureau",
                    bureau_score=44,
                    status_before="active",
                    status_after="active",
                ),
            ]
        )
        await session.commit()
    return buyer


async def _on_record(session, market, buyer: Buyer) -> repository.BuyerOnRecord:
    return await repository.on_record(
        session,
        (False, buyer.country, buyer.registration_number),
        market.platform.account_id,
        dt.date(2026, 1, 1),
    )


async def test_the_inline_read_gives_what_the_session_gives(client, market, database) -> None:
    buyer = await _buyer_with_everything(client, market, database)
    async with database.reader_session() as session:
        inline = await _on_record(session, market, buyer)
        assert (inline_read.reader_of(session) is not None) == (database.inline_reader is not None)
        session.info[inline_read.INFO_KEY] = None  # the session's own path
        through_session = await _on_record(session, market, buyer)
    assert inline.signals == through_session.signals
    assert inline.signals.bureau_score_on == dt.date(2026, 3, 1)  # a date, not text
    assert (
        inline.exposures
        == through_session.exposures
        == {(market.product_id("Atlas"), "EUR"): 400000}
    )
    assert inline.limits == through_session.limits
    facts, expected = inline.own_facts, through_session.own_facts
    assert facts is not None
    assert expected is not None
    columns = [c.key for c in repository.BuyerFactSet.__table__.columns]
    assert {c: getattr(facts, c) for c in columns} == {c: getattr(expected, c) for c in columns}
    assert facts.scored_at is not None
    assert facts.scored_at.tzinfo is not None


async def test_only_readers_of_an_embedded_file_have_an_inline_reader(database) -> None:
    async with database.writer_session() as writer:
        assert inline_read.reader_of(writer) is None  # a write's reads see its own transaction
    on_sqlite = database.engine.dialect.name == "sqlite"
    assert (database.inline_reader is not None) == on_sqlite


async def test_the_inline_reader_cannot_write(database) -> None:
    reader = database.inline_reader
    if reader is None:
        assert database.engine.dialect.name != "sqlite"
        return
    connection = reader._open()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("DELETE FROM buyers")
    reader.close()


async def test_a_failing_inline_read_falls_back_to_the_session(client, market, running_app):
    served = running_app.state.database
    if served.inline_reader is None:
        assert served.engine.dialect.name != "sqlite"
        return
    broken = sqlite3.connect(":memory:", check_same_thread=False)
    broken.close()  # every statement on it raises sqlite3.ProgrammingError
    served.inline_reader._connection = broken
    body = market.quote_request()
    first = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert first.status_code == 201, first.text
    assert served.inline_reader._connection is None  # dropped; the next read opens a new one
    again = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert again.status_code == 201
    assert again.json()["buyer"] == first.json()["buyer"]  # found on record: the read worked
    assert served.inline_reader._connection is not None
