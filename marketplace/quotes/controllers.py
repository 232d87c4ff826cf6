"""HTTP endpoints for quotes: the call a platform makes inside its checkout."""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, Request, Response, get, post
from litestar.params import FromQuery, JSONBody, PathParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts.auth import require_roles
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import COMMITS_ITS_OWN_WRITES, Caller, DbSession
from marketplace.quotes import coverage, service
from marketplace.quotes.schemas import QuoteCreate, QuoteOut, QuoteStatus, quote_out

QuotePath = Annotated[
    str, PathParameter(pattern=id_pattern("quote"), description="A quote id (quo_…)")
]
BuyerFilter = Annotated[
    str | None,
    QueryParameter(pattern=id_pattern("buyer"), description="Only quotes for this buyer"),
]


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
        responses=problem_responses(WRITE_ERRORS),
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
        dependencies=pagination("quote"),
        responses=problem_responses(),
    )
    async def list(
        self,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        status: FromQuery[QuoteStatus | None] = None,
        buyer: BuyerFilter = None,
    ) -> ListOf[QuoteOut]:
        """The caller's quotes (and, for a seller, those its platform made for it); newest first."""
        found = await service.list_quotes(
            session, principal, status=status, buyer_id=buyer, page=page, now=utc_now()
        )
        return ListOf(data=await _out(session, found.items), has_more=found.has_more)

    @get("/{quote_id:str}", operation_id="retrieve_quote", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, quote_id: QuotePath
    ) -> QuoteOut:
        """One quote, with its offers and declines as they were priced."""
        [answer] = await _out(session, [await service.retrieve(session, principal, quote_id)])
        return answer
