"""HTTP endpoints for the buyer registry."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import PathParameter

from marketplace.accounts.auth import require_roles
from marketplace.buyers import service
from marketplace.buyers.schemas import BuyerOut
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.products.in_force import IN_FORCE, InForce

BuyerPath = Annotated[
    str, PathParameter(pattern=id_pattern("buyer"), description="A buyer id (buy_…)")
]


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
