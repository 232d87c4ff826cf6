"""HTTP endpoints for quotes: the call a platform makes inside its checkout."""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, Request, Response, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts.auth import require_roles
from marketplace.kit import idempotency, metadata
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.metadata import METADATA_FILTER, MetadataFilter
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.strict_query import takes_families
from marketplace.kit.unit_of_work import COMMITS_ITS_OWN_WRITES, Caller, DbSession
from marketplace.quotes import coverage, rules, service
from marketplace.quotes.schemas import (
    InvoiceNumberFilter,
    QuoteCreate,
    QuoteOut,
    QuoteStatus,
    quote_out,
)

QuotePath = Annotated[
    str, PathParameter(pattern=id_pattern("quote"), description="A quote id (quo_…)")
]
BuyerFilter = Annotated[
    str | None,
    QueryParameter(pattern=id_pattern("buyer"), description="Only quotes for this buyer"),
]
StatusFilter = Annotated[
    QuoteStatus | None, QueryParameter(description="Only quotes in this status")
]
QUOTE_ERRORS = (
    rules.DueDateNotAfterIssueDate,
    rules.DueDateInPast,
    rules.IssueDateTooFarAhead,
    rules.TenorTooLong,
    rules.SellerRequired,
)


async def _out(session: AsyncSession, found: list[service.QuoteWithOffers]) -> list[QuoteOut]:
    covered = await coverage.covered_by(session, [f.quote for f in found])
    now = utc_now()
    return [quote_out(f.quote, f.offers, now, covered[f.quote.id]) for f in found]


class QuoteController(Controller):
    path = "/quotes"
    tags = ["quotes"]
    guards = [require_roles("platform", "seller")]

    @post(
        "/",
        operation_id="create_quote",
        summary="Quote an invoice",
        description=(
            "Prices one invoice with every insurer product on the marketplace, in"
            " milliseconds, inside your checkout. The buyer is scored by the risk model on the"
            " facts you send (kept for your quotes only); each product whose appetite takes"
            " the risk makes an offer (insured amount, premium, terms), sorted by premium, and"
            " each other product a decline with its reasons and, where it can, a counter-offer."
            " A quote where no product takes the risk is `declined`: a result, not an"
            " error.\n\n"
            "**Who**: a platform (naming the connected `seller` the quote is for) or a seller."
            " No money moves and no event is sent: the quote is stored, with the feature"
            " vector scored and the product versions used, until `expires_at`. Bind an offer"
            " with `POST /v1/covers`."
        ),
        response_description=(
            "The quote: `quoted` with its offers (and any declines), or `declined`"
        ),
        responses=problem_responses(WRITE_ERRORS, errors=QUOTE_ERRORS),
        opt={COMMITS_ITS_OWN_WRITES: True},
    )
    async def create(
        self,
        *,
        request: Request[Any, Any, Any],
        session: DbSession,
        principal: Caller,
        data: JSONBody[QuoteCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[QuoteOut]:
        """Price an invoice with every insurer product: offers, or declines with reasons."""
        answer = await service.create_quote(
            session,
            database=request.app.state.database,
            principal=principal,
            data=data,
            context=request.app.state.quote_context,
            pending=idempotency.pending_of(request.scope),
        )
        headers = {idempotency.REPLAYED_HEADER: "true"} if answer.replayed else {}
        encoded = Response(
            answer.body,
            status_code=answer.status,
            media_type=answer.content_type,
            headers=headers,
        )
        return cast("Response[QuoteOut]", encoded)

    @get(
        "/",
        operation_id="list_quotes",
        summary="List quotes",
        description=(
            "The caller's quotes, newest first: a platform's own, and for a seller also those"
            " its platform made for it. Filter by `status`, `buyer`, `invoice_number` and"
            " `metadata[key]=value`. An unbound quote past `expires_at` reads `expired`."
            " Changes nothing."
        ),
        response_description="One page of quotes, newest first",
        dependencies={**pagination("quote"), **METADATA_FILTER},
        opt=takes_families(metadata.FAMILY),
        responses=problem_responses(),
    )
    async def list(
        self,
        *,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        metadata_filter: MetadataFilter,
        status: StatusFilter = None,
        buyer: BuyerFilter = None,
        invoice_number: InvoiceNumberFilter = None,
    ) -> ListOf[QuoteOut]:
        """The caller's quotes (and, for a seller, those its platform made for it); newest first."""
        filters = service.QuoteFilters(status, buyer, invoice_number, metadata_filter)
        found = await service.list_quotes(
            session, principal, filters=filters, page=page, now=utc_now()
        )
        return ListOf(data=await _out(session, found.items), has_more=found.has_more)

    @get(
        "/{quote_id:str}",
        operation_id="retrieve_quote",
        summary="Retrieve a quote",
        description=(
            "One quote, with its offers and declines as they were priced, and"
            " `invoice_covered_by` when a cover is already in force on its invoice. For the"
            " platform or seller that may see it; anyone else gets a 404. Changes nothing."
        ),
        response_description="The quote",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, quote_id: QuotePath
    ) -> QuoteOut:
        """One quote, with its offers and declines as they were priced."""
        [answer] = await _out(session, [await service.retrieve(session, principal, quote_id)])
        return answer
