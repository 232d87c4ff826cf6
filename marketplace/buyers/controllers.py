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

    @get("/{buyer_id:str}", operation_id="retrieve_buyer", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, in_force: InForce, buyer_id: BuyerPath
    ) -> BuyerOut:
        """A buyer: the caller's own facts and score, and capacity per product and currency."""
        products = await in_force.get(session, principal.livemode)
        return _out(await service.retrieve(session, principal, buyer_id, products))

    @post(
        "/{buyer_id:str}/signals",
        operation_id="create_buyer_signal",
        guards=MONITORS,
        responses=problem_responses(WRITE_ERRORS),
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
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS),
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
        guards=MONITORS,
        responses=problem_responses(),
    )
    async def list_limits(
        self, session: DbSession, principal: Caller, buyer_id: BuyerPath
    ) -> ListOf[BuyerLimitOut]:
        """The insurer's own limits on a buyer (the operator: every insurer's); never paged."""
        found = await limits.list_limits(session, principal, buyer_id)
        return ListOf(data=[BuyerLimitOut.of(f, principal.livemode) for f in found], has_more=False)
