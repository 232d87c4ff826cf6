"""HTTP endpoints for covers: bind an offer, read covers, cancel."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromQuery, JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.covers import lifecycle, service
from marketplace.covers.schemas import CoverCreate, CoverOut, CoverStatus
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.models.covers import Cover
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
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


class CoverController(Controller):
    path = "/covers"
    tags = ["covers"]
    guards = [require_roles("platform", "seller", "insurer")]
    dependencies = {"stripe_gateway": STRIPE_GATEWAY_DEPENDENCY}

    @post(
        "/",
        operation_id="create_cover",
        guards=BINDERS,
        responses=problem_responses(PAYMENT_ERRORS),
    )
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        stripe_gateway: PaymentGateway,
        data: JSONBody[CoverCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> CoverOut:
        """Bind an offer: reserve the buyer's capacity and ask Stripe for the premium.

        The cover is ``pending_payment`` until Stripe confirms the payment (then ``active``).
        """
        cover = await service.reserve(session, principal, data.quote, data.offer, utc_now())
        await session.commit()  # the cover and its reservation exist before any money moves
        try:
            intent = await stripe_gateway.create_payment_intent(
                amount_minor=cover.premium_minor,
                currency=cover.currency,
                metadata={"cover_id": cover.id, "quote_id": cover.quote_id},
                idempotency_key=f"{cover.id}_premium",
                payment_method=data.payment_method,
            )
        except PaymentProviderError:
            await service.undo_reservation(session, cover)
            await session.commit()
            raise
        return CoverOut.of(await service.record_payment(session, cover, intent, utc_now()))

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
        return ListOf(data=[CoverOut.of(c) for c in found.items], has_more=found.has_more)

    @get("/{cover_id:str}", operation_id="retrieve_cover", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, cover_id: CoverPath
    ) -> CoverOut:
        """One cover, with its payment."""
        return CoverOut.of(await service.visible(session, principal, cover_id))

    @post(
        "/{cover_id:str}/cancel",
        operation_id="cancel_cover",
        status_code=200,
        guards=BINDERS,
        responses=problem_responses(PAYMENT_ERRORS),
    )
    async def cancel(
        self,
        session: DbSession,
        principal: Caller,
        stripe_gateway: PaymentGateway,
        cover_id: CoverPath,
        idempotency_key: IdempotencyKey = None,
    ) -> CoverOut:
        """Cancel before the invoice's due date; the premium is refunded through Stripe
        (in full within 14 days of activation, then pro rata to the days left)."""
        now = utc_now()
        cover = await service.owned(session, principal, cover_id)
        refund_minor = service.refund_on_cancel(cover, now)
        await session.commit()  # nothing written yet; other writers go on while Stripe answers
        await _stop_or_refund(stripe_gateway, cover, refund_minor)
        cover = await service.owned(session, principal, cover_id)
        if not await lifecycle.cancel(session, cover, refund_minor, now):
            raise service.CoverNotCancellable(
                f"The cover changed meanwhile (now {cover.status}); try again"
            )
        return CoverOut.of(cover)


async def _stop_or_refund(gateway: StripeGateway, cover: Cover, refund_minor: int) -> None:
    if cover.payment_intent_id is None:
        return
    if cover.status == "pending_payment":
        try:
            await gateway.cancel_payment_intent(
                cover.payment_intent_id, idempotency_key=f"{cover.id}_cancel"
            )
        except PaymentProviderError as error:
            if error.stripe_code != "payment_intent_unexpected_state":
                raise
            raise service.CoverNotCancellable(
                "The premium has just been paid: cancel again to have it refunded"
            ) from None
    elif refund_minor > 0:
        await gateway.refund(
            payment_intent_id=cover.payment_intent_id,
            amount_minor=refund_minor,
            idempotency_key=f"{cover.id}_cancel",
            metadata={"cover_id": cover.id, "reason": "cover_cancelled"},
        )
