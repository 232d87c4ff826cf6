"""HTTP endpoints for covers: bind an offer, read covers, cancel.

Binding and cancelling talk to Stripe: their services (``binding``, ``cancellation``) own
their transactions around each call, so these handlers take the database, not the request's
session, and never commit.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.covers import binding, cancellation, service
from marketplace.covers.schemas import CoverCreate, CoverOut
from marketplace.db import Database
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.tenancy import Principal
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.models.covers import Cover, CoverStatus
from marketplace.payments.wiring import STRIPE_GATEWAY_DEPENDENCY, PaymentGateway

CoverPath = Annotated[
    str, PathParameter(pattern=id_pattern("cover"), description="A cover id (cov_…)")
]
BuyerFilter = Annotated[
    str | None, QueryParameter(pattern=id_pattern("buyer"), description="Only this buyer's covers")
]
SellerFilter = Annotated[
    str | None,
    QueryParameter(pattern=id_pattern("account"), description="Only this seller's covers"),
]
PAYMENT_ERRORS = (*WRITE_ERRORS, 502, 503)
BINDERS = [require_roles("platform", "seller")]


def _database(state: State) -> Database:
    database: Database = state.database
    return database


AppDatabase = NamedDependency[Database]
"""The app's database, for the use cases that own their transactions around Stripe calls."""


def _out(cover: Cover, principal: Principal) -> CoverOut:
    return CoverOut.of(cover, principal.account_id)


class CoverController(Controller):
    path = "/covers"
    tags = ["covers"]
    guards = [require_roles("platform", "seller", "insurer")]
    dependencies = {
        "stripe_gateway": STRIPE_GATEWAY_DEPENDENCY,
        "database": Provide(_database, sync_to_thread=False),
    }

    @post(
        "/",
        operation_id="create_cover",
        guards=BINDERS,
        responses=problem_responses(PAYMENT_ERRORS),
    )
    async def create(
        self,
        database: AppDatabase,
        principal: Caller,
        stripe_gateway: PaymentGateway,
        data: JSONBody[CoverCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> CoverOut:
        """Bind an offer: reserve the buyer's capacity and ask Stripe for the premium.

        The cover is ``pending_payment`` until Stripe confirms the payment (then ``active``).
        Sent again after a 502 ``payment_outcome_unknown``, it resumes the same cover.
        """
        cover = await binding.bind(database, stripe_gateway, principal, data, utc_now())
        return _out(cover, principal)

    @get(
        "/",
        operation_id="list_covers",
        dependencies=pagination("cover"),
        responses=problem_responses(),
    )
    async def list(
        self,
        *,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        status: FromQuery[CoverStatus | None] = None,
        buyer: BuyerFilter = None,
        seller: SellerFilter = None,
    ) -> ListOf[CoverOut]:
        """Covers the caller bound, were bound for it, or (insurer) are on its products."""
        found = await service.list_covers(
            session, principal, status=status, buyer_id=buyer, seller_id=seller, page=page
        )
        return ListOf(data=[_out(c, principal) for c in found.items], has_more=found.has_more)

    @get("/{cover_id:str}", operation_id="retrieve_cover", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, cover_id: CoverPath
    ) -> CoverOut:
        """One cover, with its payment."""
        return _out(await service.visible(session, principal, cover_id), principal)

    @post(
        "/{cover_id:str}/cancel",
        operation_id="cancel_cover",
        status_code=200,
        guards=BINDERS,
        responses=problem_responses(PAYMENT_ERRORS),
    )
    async def cancel(
        self,
        database: AppDatabase,
        principal: Caller,
        stripe_gateway: PaymentGateway,
        cover_id: CoverPath,
        idempotency_key: IdempotencyKey = None,
    ) -> CoverOut:
        """Cancel before the invoice's due date; the premium is refunded through Stripe
        (in full within 14 days of activation, then pro rata to the days left). The answer
        is ``cancelled``, or ``cancelling`` while Stripe's answer about the refund is awaited."""
        cover = await cancellation.cancel(database, stripe_gateway, principal, cover_id, utc_now())
        return _out(cover, principal)
