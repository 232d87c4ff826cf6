"""Quotes: score the buyer once, ask every active product, keep everything to reproduce it.

A quote is answered in one round trip: the buyer is registered (its identity is shared; what
the quote says of it goes into the caller's own facts), the model scores the invoice on the
caller's facts alone, each active product offers or declines, and the quote is stored with
the exact feature vector, model version and product versions used. A decline is a result
(status ``declined``), not an error.

Everything is read and computed outside any transaction (``price_quote``: nothing here waits
for the write lock); then the quote's writes (``writes.QuoteWrites``) join the process's group
commit, and the answer leaves only once they are committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import registry
from marketplace.buyers.repository import BuyerOnRecord
from marketplace.buyers.status import STOPPED
from marketplace.db import Database
from marketplace.errors import ResourceNotFound
from marketplace.kit import idempotency, metadata
from marketplace.kit.clock import utc_now
from marketplace.kit.ids import new_id
from marketplace.kit.normalise import invoice_number_key
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.quotes import Offer, Quote
from marketplace.products.in_force import ProductInForce, ProductsInForce
from marketplace.quotes import repository, rules, writes
from marketplace.quotes.decline_limits import limit_document
from marketplace.quotes.offers import Declined, OnBuyer, PricedOffer, evaluate
from marketplace.quotes.schemas import QuoteCreate, quote_out
from marketplace.underwriting.features import QuoteFacts
from marketplace.underwriting.model import RiskAssessment, RiskModel
from marketplace.underwriting.pricing import insured_amount_minor

DEFAULT_VALIDITY_MINUTES = 1440


class QuoteNotFound(ResourceNotFound):
    pass


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """What every quote needs from the process: the loaded model and the products in force."""

    model: RiskModel
    products: ProductsInForce


@dataclass(frozen=True, slots=True)
class QuoteWithOffers:
    quote: Quote
    offers: list[Offer]


def facts_of(data: QuoteCreate, buyer: dict[str, Any]) -> QuoteFacts:
    """What the model scores: the invoice, the buyer as the caller describes it, the relationship.

    A revenue known only in another currency is left out rather than compared across currencies.
    """
    invoice, relationship = data.invoice, data.relationship
    revenue_comparable = buyer["annual_revenue_currency"] == invoice.currency.value
    return QuoteFacts(
        amount_minor=invoice.amount,
        currency=invoice.currency.value,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        country=data.buyer.country.value,
        sector=buyer["sector"],
        years_in_business=buyer["years_in_business"],
        employees=buyer["employees"],
        annual_revenue_minor=buyer["annual_revenue_minor"] if revenue_comparable else None,
        payment_incidents_12m=buyer["payment_incidents_12m"],
        avg_days_beyond_terms=buyer["avg_days_beyond_terms"],
        bureau_score=buyer["bureau_score"],
        relationship_months=relationship.months if relationship else None,
        prior_invoices_count=relationship.prior_invoices_count if relationship else None,
        prior_late_ratio=relationship.prior_late_ratio if relationship else None,
    )


def _offer_row(quote_id: str, rank: int, offer: PricedOffer, now: datetime) -> Offer:
    terms, price = offer.product.terms, offer.price
    return Offer(
        id=new_id("offer"),
        quote_id=quote_id,
        rank=rank,
        product_id=offer.product.product_id,
        product_name=offer.product.name,
        product_version=offer.product.version,
        insurer_id=offer.product.insurer_id,
        insurer_name=offer.product.insurer_name,
        cover_ratio=float(offer.cover_ratio),
        insured_amount_minor=price.insured_amount_minor,
        premium_minor=price.premium_minor,
        premium_rate_bps=price.premium_rate_bps,
        waiting_period_days=terms.waiting_period_days,
        claim_threshold_days=terms.claim_threshold_days,
        overdue_declaration_days=terms.overdue_declaration_days,
        amicable_collection_days=terms.amicable_collection_days,
        pricing=msgspec.to_builtins(price.breakdown),
        expires_at=_valid_until(now, offer.product),
    )


def _decline_document(declined: Declined) -> dict[str, Any]:
    counter = declined.decision.counter_offer
    counter_document = None
    if counter is not None:
        counter_document = {
            "message": counter.message,
            "max_invoice_amount": counter.max_amount_minor,
            "max_insured_amount": (
                None
                if counter.max_amount_minor is None
                else insured_amount_minor(counter.max_amount_minor, declined.cover_ratio)
            ),
            "max_tenor_days": counter.max_tenor_days,
        }
    return {
        "product": declined.product.product_id,
        "product_version": declined.product.version,
        "insurer": declined.product.insurer_id,
        "cover_ratio": float(declined.declined_ratio),
        "reasons": [
            {
                "code": r.code,
                "message": r.message,
                "limit": limit_document(r.limit),
            }
            for r in declined.decision.reasons
        ],
        "counter_offer": counter_document,
    }


def _valid_until(now: datetime, product: ProductInForce) -> datetime:
    """An offer's expiry: its product's quote validity from the quote's time."""
    return now + timedelta(minutes=product.terms.quote_validity_minutes)


def _expiry(now: datetime, offers: list[Offer], products: list[ProductInForce]) -> datetime:
    """The quote's expiry: the latest of its offers'; without offers, the longest validity of
    the products in force."""
    if offers:
        return max(offer.expires_at for offer in offers)
    minutes = max(
        (p.terms.quote_validity_minutes for p in products), default=DEFAULT_VALIDITY_MINUTES
    )
    return now + timedelta(minutes=minutes)


def _on_buyer(known: BuyerOnRecord, product_id: str, currency: str) -> OnBuyer:
    key = (product_id, currency)
    return OnBuyer(
        exposure_minor=known.exposures.get(key, 0),
        insurer_limit_minor=known.limits.get(key),
        buyer_stopped=known.buyer is not None and known.buyer.status in STOPPED,
    )


@dataclass(frozen=True, slots=True)
class PricedQuote:
    """A quote priced and not yet stored: the rows to write and whether its invoice is covered."""

    quote: Quote
    offers: list[Offer]
    facts: dict[str, Any]
    covered_by: str | None
    buyer_is_new: bool
    """Nobody had quoted the buyer: the quote's write registers it."""


async def price_quote(
    session: AsyncSession,
    *,
    principal: Principal,
    data: QuoteCreate,
    context: QuoteContext,
    now: datetime,
) -> PricedQuote:
    """Price the invoice with every product in force, reading outside any transaction and
    writing nothing; the session's connection is given back once the reads are done."""
    kept_metadata = metadata.kept(data.metadata)
    seller_id = await rules.seller_of_quote(session, principal, data.seller)
    products = await context.products.get(session, principal.livemode)
    longest = max((p.terms.max_tenor_days for p in products), default=None)
    rules.check_dates(data.invoice, now.date(), longest)
    invoice = (seller_id or principal.account_id, invoice_number_key(data.invoice.number))
    known = await registry.on_record(session, principal, data.buyer, now, invoice)
    await session.close()  # the last read: its connection goes back before the scoring
    own = registry.merged_facts(known.own_facts, data.buyer, data.invoice.currency.value, now)
    facts = facts_of(data, registry.scoring_facts(own, known.signals))
    risk = context.model.score(facts)
    outcomes: list[PricedOffer | Declined] = []
    for product in products:
        on_buyer = _on_buyer(known, product.product_id, facts.currency)
        outcomes += evaluate(
            product, facts, risk.probability_of_default, data.cover_ratios, on_buyer
        )
    buyer_id = known.buyer.id if known.buyer else new_id("buyer")
    facts_row = registry.facts_row(
        buyer_id=buyer_id,
        account_id=principal.account_id,
        incoming=data.buyer,
        currency=data.invoice.currency.value,
        risk=risk,
        now=now,
    )
    quote, offers = _rows(
        principal=principal,
        data=data,
        seller_id=seller_id,
        buyer_id=buyer_id,
        invoice_key=invoice[1],
        kept_metadata=kept_metadata,
        risk=risk,
        outcomes=outcomes,
        products=products,
        now=now,
    )
    return PricedQuote(quote, offers, facts_row, known.invoice_cover_id, known.buyer is None)


def _rows(
    *,
    principal: Principal,
    data: QuoteCreate,
    seller_id: str | None,
    buyer_id: str,
    invoice_key: str,
    kept_metadata: dict[str, str],
    risk: RiskAssessment,
    outcomes: list[PricedOffer | Declined],
    products: list[ProductInForce],
    now: datetime,
) -> tuple[Quote, list[Offer]]:
    offered = sorted(
        (o for o in outcomes if isinstance(o, PricedOffer)), key=lambda o: o.price.premium_minor
    )
    declined = [o for o in outcomes if isinstance(o, Declined)]
    quote_id = new_id("quote")
    offers = [_offer_row(quote_id, rank, offer, now) for rank, offer in enumerate(offered)]
    quote = Quote(
        id=quote_id,
        livemode=principal.livemode,
        account_id=principal.account_id,
        seller_id=seller_id,
        buyer_id=buyer_id,
        status="quoted" if offered else "declined",
        invoice_number=data.invoice.number,
        invoice_number_key=invoice_key,
        amount_minor=data.invoice.amount,
        currency=data.invoice.currency.value,
        issue_date=data.invoice.issue_date,
        due_date=data.invoice.due_date,
        request=msgspec.to_builtins(data),
        model_version=risk.model_version,
        features=list(risk.features),
        probability_of_default=risk.probability_of_default,
        grade=risk.grade,
        reasons=[msgspec.to_builtins(reason) for reason in risk.reasons],
        declines=[_decline_document(d) for d in declined],
        metadata_=kept_metadata,
        expires_at=_expiry(now, offers, products),
        created_at=now,
    )
    return quote, offers


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to send: the quote just stored, or the stored answer of the first request
    with the same Idempotency-Key (``replayed``)."""

    body: bytes
    replayed: bool = False
    status: int = 201
    content_type: str = "application/json"


async def create_quote(
    session: AsyncSession,
    *,
    database: Database,
    principal: Principal,
    data: QuoteCreate,
    context: QuoteContext,
    pending: idempotency.Pending | None,
) -> Answer:
    """Price the invoice, store the quote with its key's answer, and answer once committed."""
    now = utc_now()
    priced = await price_quote(session, principal=principal, data=data, context=context, now=now)

    def encode() -> bytes:
        return msgspec.json.encode(quote_out(priced.quote, priced.offers, now, priced.covered_by))

    job = writes.QuoteWrites(
        principal,
        now,
        priced.quote,
        priced.offers,
        priced.facts,
        body=encode(),  # before the write: no encoding while the batch holds the write lock
        encode=encode,
        pending=pending,
        new_buyer=data.buyer if priced.buyer_is_new else None,
    )
    if await database.group_commit.write(job) or pending is None:
        return Answer(job.body)
    replay = await idempotency.answer_of_holder(
        session,
        principal,
        key=pending.key,
        request_fingerprint=pending.request_fingerprint,
        now=utc_now(),
    )
    return Answer(replay.body, True, replay.status, replay.content_type)


async def retrieve(session: AsyncSession, principal: Principal, quote_id: str) -> QuoteWithOffers:
    query = repository.visible_query(principal.livemode, principal.account_id).where(
        Quote.id == quote_id
    )
    quote = (await session.execute(query)).scalar_one_or_none()
    if quote is None:
        raise QuoteNotFound(f"No such quote: {quote_id}", param="quote")
    return QuoteWithOffers(quote, (await repository.offers_of(session, [quote.id]))[quote.id])


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """What a list of quotes keeps (None: any): its status as read now, the buyer, the invoice
    number (compared as ``kit.normalise.invoice_number_key`` compares), metadata pairs."""

    status: str | None = None
    buyer_id: str | None = None
    invoice_number: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


async def list_quotes(
    session: AsyncSession,
    principal: Principal,
    *,
    filters: QuoteFilters,
    page: PageRequest,
    now: datetime,
) -> Page[QuoteWithOffers]:
    query = repository.visible_query(principal.livemode, principal.account_id)
    if filters.status is not None:
        query = repository.with_status(query, filters.status, now)
    if filters.buyer_id is not None:
        query = query.where(Quote.buyer_id == filters.buyer_id)
    if filters.invoice_number is not None:
        query = query.where(Quote.invoice_number_key == invoice_number_key(filters.invoice_number))
    query = query.where(*metadata.matching(Quote.metadata_, filters.metadata))
    found = await paginate(session, query, Quote.id, page)
    offers = await repository.offers_of(session, [q.id for q in found.items])
    return Page([QuoteWithOffers(q, offers[q.id]) for q in found.items], found.has_more)
