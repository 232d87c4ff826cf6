"""Without any request, the date-driven job moves covers: an active cover is scheduled at its
activation and goes overdue the day after its due date, not a second earlier."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from marketplace.claims import jobs
from marketplace.models import Cover, Event
from tests.claims.helpers import active_cover, cover_of, parties


async def test_an_untouched_active_cover_goes_overdue_the_day_after_its_due_date(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    due = dt.date.fromisoformat(cover["invoice_due_date"])
    day_after = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    async with database.reader_session() as session:
        scheduled = await session.scalar(select(Cover.next_check_at).where(Cover.id == cover["id"]))
    assert scheduled == day_after

    assert await jobs.run_due(database, day_after - dt.timedelta(seconds=1)) == 0
    assert (await cover_of(client, who.platform, cover))["status"] == "active"

    assert await jobs.run_due(database, day_after) == 1
    assert await jobs.run_due(database, day_after) == 0  # scheduled again, for later
    assert (await cover_of(client, who.platform, cover))["status"] == "overdue"
    async with database.reader_session() as session:
        query = select(Event.type).where(Event.object_id == cover["id"])
        assert list((await session.execute(query)).scalars()).count("cover.overdue") == 1
