"""HTTP endpoints for the buyer registry and buyer monitoring (signals, insurers' limits)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import JSONBody, PathParameter

from marketplace.accounts.auth import require_roles
from marketplace.buyers import limits, service, signals
from marketplace.buyers.schemas import (
    BuyerLimitOut,
    BuyerOut,
    BuyerSignalOut,
    BuyerStatusOut,
    LimitIn,
    SignalIn,
)
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.products.in_force import IN_FORCE, InForce

BuyerPath = Annotated[
    str, PathParameter(pattern=id_pattern("buyer"), description="A buyer id (buy_…)")
]


MONITORS = [require_roles("insurer", "operator")]
INSURER_ONLY = [require_roles("insurer")]
SIGNAL_ERRORS = (
    signals.EffectiveOnInFuture,
    signals.BureauScoreRequired,
    signals.BureauScoreNotAllowed,
    signals.BuyerStatusContended,
)


def _out(view: service.BuyerView) -> BuyerOut:
    return BuyerOut.of(view.buyer, view.own, view.every_account, view.capacity)


class BuyerController(Controller):
    path = "/buyers"
    tags = ["buyers"]
    guards = [require_roles("platform", "seller", "insurer", "operator")]
    dependencies = IN_FORCE

    @get(
        "/",
        operation_id="list_buyers",
        summary="List buyers",
        description=(
            "The buyers the caller may see, newest first: those a platform or seller quoted"
            " (a platform: also for its sellers), those an insurer covers, every buyer for the"
            " operator. Each shows only the caller's own facts and score. Changes nothing."
        ),
        response_description="One page of buyers, newest first",
        dependencies=pagination("buyer"),
        responses=problem_responses(),
    )
    async def list(
        self, session: DbSession, principal: Caller, in_force: InForce, page: Pagination
    ) -> ListOf[BuyerOut]:
        """The buyers the caller (or its sellers) quoted, or (insurer) covered; newest first."""
        products = await in_force.get(session, principal.livemode)
        found = await service.list_buyers(session, principal, page, products)
        return ListOf(data=[_out(view) for view in found.items], has_more=found.has_more)

    @get(
        "/{buyer_id:str}",
        operation_id="retrieve_buyer",
        summary="Retrieve a buyer",
        description=(
            "A buyer as the caller sees it: its identity and monitoring status (shared by the"
            " marketplace), the facts and latest score of the caller's own quotes, and per"
            " product and currency its capacity, the exposure the caller may see and what"
            " can still be insured. For the platforms and sellers that quoted it, the insurers"
            " with a cover on it (their own products only) and the operator (every account's"
            " facts in `fact_sets`); anyone else gets a 404. Changes nothing."
        ),
        response_description="The buyer",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, in_force: InForce, buyer_id: BuyerPath
    ) -> BuyerOut:
        """A buyer: the caller's own facts and score, and capacity per product and currency."""
        products = await in_force.get(session, principal.livemode)
        return _out(await service.retrieve(session, principal, buyer_id, products))

    @post(
        "/{buyer_id:str}/signals",
        operation_id="create_buyer_signal",
        summary="Report a signal on a buyer",
        description=(
            "An insurer or the operator reports what it learnt (`insolvency`,"
            " `payment_default`, a rating change, a `bureau_score`); the buyer's"
            " marketplace-wide status moves by the monitoring table and feeds every tenant's"
            " next score. A status change sends `buyer.alert` to each platform or seller with a"
            " cover in force on the buyer and to their insurers; `stop` and `insolvent` refuse"
            " new cover; an insolvency opens an insolvency claim on every paid cover on the"
            " buyer. **Who**: an insurer or the operator."
        ),
        response_description="The buyer's public status after the signal",
        guards=MONITORS,
        responses=problem_responses(WRITE_ERRORS, errors=SIGNAL_ERRORS),
    )
    async def create_signal(
        self,
        session: DbSession,
        principal: Caller,
        buyer_id: BuyerPath,
        data: JSONBody[SignalIn],
        idempotency_key: IdempotencyKey = None,
    ) -> BuyerStatusOut:
        """Report a signal on a buyer (insurer, operator): its marketplace-wide status after it."""
        return await signals.record(session, principal, buyer_id, data, utc_now())

    @get(
        "/{buyer_id:str}/signals",
        operation_id="list_buyer_signals",
        summary="List a buyer's signals",
        description=(
            "The signals reported on a buyer by every insurer and the operator, newest first,"
            " each with the status it moved the buyer from and to. **Who**: an insurer or the"
            " operator. Changes nothing."
        ),
        response_description="One page of signals, newest first",
        guards=MONITORS,
        dependencies=pagination("buyer_signal"),
        responses=problem_responses(),
    )
    async def list_signals(
        self, session: DbSession, principal: Caller, buyer_id: BuyerPath, page: Pagination
    ) -> ListOf[BuyerSignalOut]:
        """The signals reported on a buyer, by every insurer and the operator; newest first."""
        found = await signals.list_signals(session, principal, buyer_id, page)
        return ListOf(data=[BuyerSignalOut.of(s) for s in found.items], has_more=found.has_more)

    @post(
        "/{buyer_id:str}/limits",
        operation_id="set_buyer_limit",
        summary="Set an insurer's limit on a buyer",
        description=(
            "The most one of the insurer's products may insure on the buyer, in one currency"
            " (0: no new cover). The buyer's capacity shows the smaller of it and the"
            " product's; quotes past it decline `buyer_limit_reduced`, binds past it are 409"
            " `insufficient_capacity`. A lower limit sends `buyer.alert` to each holder of a"
            " cover under that product. **Who**: an insurer, on its own products (another's"
            " is a 404)."
        ),
        response_description="The limit as set",
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS, errors=(limits.CurrencyNotInsured,)),
    )
    async def set_limit(
        self,
        session: DbSession,
        principal: Caller,
        buyer_id: BuyerPath,
        data: JSONBody[LimitIn],
        idempotency_key: IdempotencyKey = None,
    ) -> BuyerLimitOut:
        """Set the insurer's own limit on a buyer under one of its products, in one currency."""
        limit = await limits.set_limit(session, principal, buyer_id, data, utc_now())
        return BuyerLimitOut.of(limit, principal.livemode)

    @get(
        "/{buyer_id:str}/limits",
        operation_id="list_buyer_limits",
        summary="List the limits on a buyer",
        description=(
            "An insurer's own limits on a buyer, or every insurer's for the operator; all of"
            " them in one answer (never paged). Changes nothing."
        ),
        response_description="Every limit, in one page",
        guards=MONITORS,
        responses=problem_responses(),
    )
    async def list_limits(
        self, session: DbSession, principal: Caller, buyer_id: BuyerPath
    ) -> ListOf[BuyerLimitOut]:
        """The insurer's own limits on a buyer (the operator: every insurer's); never paged."""
        found = await limits.list_limits(session, principal, buyer_id)
        return ListOf(data=[BuyerLimitOut.of(f, principal.livemode) for f in found], has_more=False)
