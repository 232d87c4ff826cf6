"""Every query on buyers, their per-account facts and their exposures (signals and insurers'
limits: ``monitoring_repository``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, exists, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from marketplace.kit import inline_read
from marketplace.kit.inline_read import PreparedRead
from marketplace.models.accounts import Account
from marketplace.models.buyers import Buyer, BuyerExposure, BuyerFactSet, BuyerLimit, BuyerSignal
from marketplace.models.covers import IN_FORCE, Cover
from marketplace.models.quotes import Quote

IDENTITY = ("livemode", "country", "registration_number")
FACT_SET_KEY = ("buyer_id", "account_id")


@dataclass(frozen=True, slots=True)
class MarketSignals:
    """What insurers and the operator reported on a buyer that its next score uses: the bureau
    score of the latest-dated bureau_score signal (and that date), and how many payment_default
    signals are dated within the window asked for."""

    bureau_score: int | None = None
    bureau_score_on: date | None = None
    payment_defaults: int = 0


@dataclass(frozen=True, slots=True)
class BuyerOnRecord:
    """What a quote needs to know of a buyer: its identity and status (None when new), the
    caller's own facts (None when it never sent any), the marketplace-wide exposure and the
    insurers' own limits by (product, currency), the signals that feed its score, and the cover
    already in force on the quote's invoice (None when there is none)."""

    buyer: Buyer | None
    own_facts: BuyerFactSet | None
    exposures: dict[tuple[str, str], int]
    limits: dict[tuple[str, str], int] = field(default_factory=dict)
    signals: MarketSignals = MarketSignals()
    invoice_cover_id: str | None = None


def _identity_upsert(dialect: Any) -> Any:
    # A no-op update (rather than "do nothing") so that RETURNING gives the id of a buyer a
    # concurrent quote has just registered. Core statements (tables, not classes): no ORM work.
    statement = dialect.insert(Buyer.__table__)
    return statement.on_conflict_do_update(
        index_elements=list(IDENTITY), set_={"livemode": statement.excluded.livemode}
    ).returning(Buyer.id)


GIVEN_FACTS = (
    "name",
    "sector",
    "years_in_business",
    "employees",
    "payment_incidents_12m",
    "avg_days_beyond_terms",
    "bureau_score",
)
"""The facts a quote may give on its buyer one by one (a revenue comes with its currency)."""
SCORE_COLUMNS = ("probability_of_default", "grade", "model_version")


def _merged_facts(new: Any, old: Any) -> dict[str, Any]:
    """What the row holds after a quote's facts: each one given, else the one stored; a given
    revenue with its currency; the bureau score's date kept when the same score is restated."""
    merged: dict[str, Any] = {name: func.coalesce(new[name], old[name]) for name in GIVEN_FACTS}
    revenue_given = new.annual_revenue_minor.is_not(None)
    for name in ("annual_revenue_minor", "annual_revenue_currency"):
        merged[name] = case((revenue_given, new[name]), else_=old[name])
    restated = and_(new.bureau_score == old.bureau_score, old.bureau_score_given_at.is_not(None))
    merged["bureau_score_given_at"] = case(
        (new.bureau_score.is_(None), old.bureau_score_given_at),
        (restated, old.bureau_score_given_at),
        else_=new.bureau_score_given_at,
    )
    return merged


def _facts_upsert(dialect: Any) -> Any:
    """Insert an account's facts on a buyer, or merge them into the stored ones in the same
    statement (so concurrent quotes never lose each other's facts), with the quote's score.
    A row that would not change is not rewritten (its ``scored_at`` stays when its score was
    first given)."""
    statement = dialect.insert(BuyerFactSet.__table__)
    new, old = statement.excluded, BuyerFactSet.__table__.c
    merged = _merged_facts(new, old)
    scored = {name: new[name] for name in SCORE_COLUMNS}
    changed = or_(*(value.is_distinct_from(old[name]) for name, value in (merged | scored).items()))
    return statement.on_conflict_do_update(
        index_elements=list(FACT_SET_KEY),
        set_={**merged, **scored, "scored_at": new.scored_at, "updated_at": new.updated_at},
        where=changed,
    )


# Built once: the same statement object each time lets SQLAlchemy reuse its compiled form.
_DIALECTS = {"postgresql": postgresql, "sqlite": sqlite}
_IDENTITY_UPSERT = {name: _identity_upsert(d) for name, d in _DIALECTS.items()}
_FACTS_UPSERT = {name: _facts_upsert(d) for name, d in _DIALECTS.items()}


async def register(session: AsyncSession, values: dict[str, Any]) -> str:
    """Insert a buyer identity unless it exists (a concurrent quote may have just made it)."""
    statement = _IDENTITY_UPSERT[session.get_bind().dialect.name]
    return str((await session.execute(statement, values)).scalar_one())


def facts_upsert(dialect_name: str) -> Any:
    """The statement that merges what a quote gives on its buyer into the account's facts, with
    the quote's score (``_facts_upsert``), for a batch of writes (``kit.group_commit``)."""
    return _FACTS_UPSERT[dialect_name]


def _latest_bureau_score_id() -> Any:
    return (
        select(BuyerSignal.id)
        .where(BuyerSignal.buyer_id == Buyer.id, BuyerSignal.type == "bureau_score")
        .order_by(BuyerSignal.effective_on.desc(), BuyerSignal.id.desc())
        .limit(1)
        .correlate(Buyer)
        .scalar_subquery()
    )


def _payment_defaults_since() -> Any:
    return (
        select(func.count(BuyerSignal.id))
        .where(
            BuyerSignal.buyer_id == Buyer.id,
            BuyerSignal.type == "payment_default",
            BuyerSignal.effective_on >= bindparam("defaults_since"),
        )
        .correlate(Buyer)
        .scalar_subquery()
    )


def _cover_on_invoice() -> Any:
    return (
        select(Cover.id)
        .where(
            Cover.livemode == Buyer.livemode,
            Cover.buyer_id == Buyer.id,
            Cover.invoice_owner_id == bindparam("invoice_owner"),
            Cover.invoice_number_key == bindparam("invoice_number_key"),
            Cover.status.in_(IN_FORCE),
        )
        .limit(1)
        .correlate(Buyer)
        .scalar_subquery()
    )


_FACT_COLUMNS = tuple(BuyerFactSet.__table__.columns)


def _on_record_query() -> Any:
    own = and_(BuyerFactSet.buyer_id == Buyer.id, BuyerFactSet.account_id == bindparam("account"))
    limit_of_exposure = and_(
        BuyerLimit.buyer_id == BuyerExposure.buyer_id,
        BuyerLimit.product_id == BuyerExposure.product_id,
        BuyerLimit.currency == BuyerExposure.currency,
    )
    score = aliased(BuyerSignal)
    return (
        select(
            Buyer.id,
            Buyer.status,
            BuyerExposure.product_id,
            BuyerExposure.currency,
            BuyerExposure.exposure_minor,
            BuyerLimit.amount_minor,
            score.bureau_score,
            score.effective_on,
            _payment_defaults_since(),
            _cover_on_invoice(),
            *(column.label(f"facts_{column.key}") for column in _FACT_COLUMNS),
        )
        .outerjoin(BuyerFactSet, own)
        .outerjoin(BuyerExposure, BuyerExposure.buyer_id == Buyer.id)
        .outerjoin(BuyerLimit, limit_of_exposure)
        .outerjoin(score, score.id == _latest_bureau_score_id())
        .where(
            Buyer.livemode == bindparam("livemode"),
            Buyer.country == bindparam("country"),
            Buyer.registration_number == bindparam("registration_number"),
        )
    )


def _facts_of(row: Any) -> BuyerFactSet | None:
    values = row[_FIRST_FACT_COLUMN:]
    if values[0] is None:  # no facts from this account (buyer_id is never null in a row)
        return None
    return BuyerFactSet(**{c.key: v for c, v in zip(_FACT_COLUMNS, values, strict=True)})


_FIRST_FACT_COLUMN = 10


_ON_RECORD = _on_record_query()
"""Built once, with bound parameters: building it costs far more than running it."""
_ON_RECORD_INLINE = PreparedRead(
    _ON_RECORD,
    (
        "livemode",
        "country",
        "registration_number",
        "account",
        "defaults_since",
        "invoice_owner",
        "invoice_number_key",
    ),
)
"""Compiled once for the embedded SQLite's inline reader (``kit.inline_read``)."""


async def on_record(
    session: AsyncSession,
    identity: tuple[bool, str, str],
    account_id: str,
    defaults_since: date,
    invoice: tuple[str, str] = ("", ""),
) -> BuyerOnRecord:
    """One query: the buyer with that (mode, country, registration number), the facts
    ``account_id`` gave on it, its exposure and insurers' limits by (product, currency), its
    signals (payment defaults counted from ``defaults_since``), and the cover in force on the
    ``invoice`` (owner, invoice number key) it would be the buyer of.

    An insurer's limit is read with the exposure row of its (product, currency), which setting
    a limit always creates (``monitoring_repository.set_limit``); the signals and the cover are
    indexed subqueries.
    """
    livemode, country, registration_number = identity
    parameters = {
        "livemode": livemode,
        "country": country,
        "registration_number": registration_number,
        "account": account_id,
        "defaults_since": defaults_since,
        "invoice_owner": invoice[0],
        "invoice_number_key": invoice[1],
    }
    reader = inline_read.reader_of(session)
    rows = None if reader is None else reader.fetch(_ON_RECORD_INLINE, parameters)
    if rows is None:
        connection = await session.connection()  # Core, not the ORM: plain rows, no ORM work
        rows = list((await connection.execute(_ON_RECORD, parameters)).all())
    if not rows:
        return BuyerOnRecord(None, None, {})
    used = {(row[2], row[3]): row[4] for row in rows if row[2] is not None}
    limits = {(row[2], row[3]): row[5] for row in rows if row[2] is not None and row[5] is not None}
    first = rows[0]
    buyer_id, status, _, _, _, _, bureau_score, bureau_score_on, defaults, cover_id = first[:10]
    signals = MarketSignals(bureau_score, bureau_score_on, int(defaults or 0))
    buyer = Buyer(id=buyer_id, status=status)
    return BuyerOnRecord(buyer, _facts_of(first), used, limits, signals, cover_id)


def _quoted_by(account_id: str, include_sellers_of_platform: bool) -> ColumnElement[bool]:
    who = or_(Quote.account_id == account_id, Quote.seller_id == account_id)
    if include_sellers_of_platform:
        sellers = select(Account.id).where(Account.platform_id == account_id)
        who = or_(who, Quote.seller_id.in_(sellers))
    return exists().where(Quote.buyer_id == Buyer.id, who)


def _covered_by_insurer(insurer_id: str) -> ColumnElement[bool]:
    return exists().where(Cover.buyer_id == Buyer.id, Cover.insurer_id == insurer_id)


def visible_query(livemode: bool, role: str, account_id: str) -> Select[Buyer]:
    """Buyers of a mode that an account may read: the operator every one; a platform or seller
    those it quoted (a platform also its sellers' quotes); an insurer those with a cover on one
    of its products."""
    query = select(Buyer).where(Buyer.livemode == livemode)
    if role == "operator":
        return query
    if role == "insurer":
        return query.where(_covered_by_insurer(account_id))
    return query.where(_quoted_by(account_id, role == "platform"))


async def fact_sets(
    session: AsyncSession, buyer_ids: Sequence[str], account_id: str | None
) -> dict[str, list[BuyerFactSet]]:
    """The facts given on each buyer: by ``account_id`` only, or by every account (None)."""
    query = select(BuyerFactSet).where(BuyerFactSet.buyer_id.in_(buyer_ids))
    if account_id is not None:
        query = query.where(BuyerFactSet.account_id == account_id)
    found: dict[str, list[BuyerFactSet]] = {buyer_id: [] for buyer_id in buyer_ids}
    for row in (await session.execute(query.order_by(BuyerFactSet.account_id))).scalars():
        found[row.buyer_id].append(row)
    return found


async def exposures(
    session: AsyncSession, buyer_ids: Sequence[str]
) -> dict[tuple[str, str, str], int]:
    """Marketplace-wide exposure by (buyer id, product id, currency)."""
    query = select(BuyerExposure).where(BuyerExposure.buyer_id.in_(buyer_ids))
    return {
        (e.buyer_id, e.product_id, e.currency): e.exposure_minor
        for e in (await session.execute(query)).scalars()
    }
