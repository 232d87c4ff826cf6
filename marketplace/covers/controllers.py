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
from litestar.params import JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.covers import binding, cancellation, service
from marketplace.covers.schemas import CoverCreate, CoverOut
from marketplace.db import Database
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.metadata import FAMILY as METADATA
from marketplace.kit.metadata import METADATA_FILTER, MetadataFilter
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.strict_query import takes_families
from marketplace.kit.tenancy import Principal
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.models.covers import Cover, CoverStatus
from marketplace.payments.gateway import (
    PaymentMethodRejected,
    PaymentProviderError,
    PaymentsNotConfigured,
)
from marketplace.payments.wiring import STRIPE_GATEWAY_DEPENDENCY, PaymentGateway
from marketplace.quotes.schemas import InvoiceNumberFilter

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
StatusFilter = Annotated[
    CoverStatus | None, QueryParameter(description="Only covers in this status")
]
BIND_ERRORS = (
    service.QuoteExpired,
    service.OfferExpired,
    service.QuoteAlreadyBound,
    service.InvoiceAlreadyCovered,
    service.InsufficientCapacity,
    service.BuyerStopped,
    service.ProductUnavailable,
    service.PaymentInProgress,
    PaymentMethodRejected,
    PaymentProviderError,
    service.PaymentOutcomeUnknown,
    PaymentsNotConfigured,
)
CANCEL_ERRORS = (
    service.CoverNotCancellable,
    service.CancellationInProgress,
    service.PaymentInProgress,
    service.RefundRefused,
    PaymentsNotConfigured,
)
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
        summary="Bind an offer: buy the cover",
        description=(
            "Binds one offer of a quote. The quote is checked again (not expired, not bound"
            " already, the offer its own), then the product (still active), the buyer (not"
            " stopped) and the invoice (no other cover in force on it); the insured amount is"
            " reserved on the buyer's capacity for the product, and the cover is created in"
            " `pending_payment` with a Stripe PaymentIntent for the premium.\n\n"
            "With `payment_method` the premium is charged at once: the answer is `active`"
            " (certificate number, cover period and deadlines set) or `payment_failed` (a"
            " declined card: the capacity is given back and the quote can be bound again)."
            " Without it the answer carries `payment.client_secret` for Stripe.js, and the"
            " cover turns `active` when Stripe reports the payment. Sent again after a 502"
            " `payment_outcome_unknown`, or later with a `payment_method`, the same bind"
            " resumes the same cover and PaymentIntent: a premium is never charged twice.\n\n"
            "**Who**: the platform that asked for the quote, or a seller for its own quotes."
            " Emits `cover.created`, then `cover.activated` or `cover.payment_failed`."
        ),
        response_description=(
            "The cover: `pending_payment` (with `payment.client_secret`), `active` (premium"
            " paid) or `payment_failed`"
        ),
        guards=BINDERS,
        responses=problem_responses(WRITE_ERRORS, errors=BIND_ERRORS),
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
        summary="List covers",
        description=(
            "The covers the caller may see, newest first: those a platform bound or that were"
            " bound for its sellers, those a seller bound or that were bound for it, and, for an"
            " insurer, the covers on its products. Filter by `status`, `buyer`, `seller`,"
            " `invoice_number` and `metadata[key]=value`. Changes nothing."
        ),
        response_description="One page of covers, newest first",
        dependencies={**pagination("cover"), **METADATA_FILTER},
        opt=takes_families(METADATA),
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
        seller: SellerFilter = None,
        invoice_number: InvoiceNumberFilter = None,
    ) -> ListOf[CoverOut]:
        """Covers the caller bound, were bound for it, or (insurer) are on its products."""
        filters = service.CoverFilters(status, buyer, seller, invoice_number, metadata_filter)
        found = await service.list_covers(session, principal, filters=filters, page=page)
        return ListOf(data=[_out(c, principal) for c in found.items], has_more=found.has_more)

    @get(
        "/{cover_id:str}",
        operation_id="retrieve_cover",
        summary="Retrieve a cover",
        description=(
            "One cover: its terms, payment, what was reported of the invoice, its deadlines"
            " and its claim. For the platform and the seller the cover was bound by or for, and"
            " the insurer whose product it is; anyone else gets a 404. Changes nothing."
        ),
        response_description="The cover",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, cover_id: CoverPath
    ) -> CoverOut:
        """One cover, with its payment."""
        return _out(await service.visible(session, principal, cover_id), principal)

    @post(
        "/{cover_id:str}/cancel",
        operation_id="cancel_cover",
        summary="Cancel a cover and refund its premium",
        description=(
            "Before the invoice's due date, by the platform or seller the cover was bound by or"
            " for. A cover still `pending_payment` is cancelled with its PaymentIntent (a"
            " premium paid meanwhile is refunded in full). An `active` cover is refunded"
            " through Stripe: in full within 14 days of activation, then pro rata to the days"
            " left until the due date (rounded down to the minor unit); the insured amount is"
            " released from the buyer's exposure.\n\n"
            "The answer is `cancelled`, or `cancelling` when Stripe's answer about the refund"
            " was lost: the same cancel again (or the upkeep job) finishes it after asking"
            " Stripe which refunds it made, so a premium is never refunded twice. If Stripe"
            " refuses the refund the cancellation is undone (502 `refund_refused`). Emits"
            " `cover.cancelling` and `cover.cancelled`."
        ),
        response_description="The cover, `cancelled` (or `cancelling` while the refund is awaited)",
        status_code=200,
        guards=BINDERS,
        responses=problem_responses(WRITE_ERRORS, errors=CANCEL_ERRORS),
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
