"""HTTP endpoints for insurer products."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from litestar import Controller, get, post
from litestar.params import FromQuery, JSONBody, PathParameter

from marketplace.accounts.auth import require_roles
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.products import service
from marketplace.products.schemas import ProductOut, ProductTerms, ProductVersionOut

ProductPath = Annotated[
    str, PathParameter(pattern=id_pattern("product"), description="A product id (prod_…)")
]
MAX_VERSION = 2**31 - 1
"""The largest version the ``product_versions.version`` column holds (a 32-bit integer)."""
VersionPath = Annotated[
    int, PathParameter(ge=1, le=MAX_VERSION, description="A version number (1 to 2147483647)")
]
INSURER_ONLY = [require_roles("insurer")]


def _out(found: service.ProductWithTerms) -> ProductOut:
    return ProductOut.of(found.product, found.terms)


class ProductController(Controller):
    path = "/products"
    tags = ["products"]
    guards = [require_roles("insurer", "operator")]

    @post(
        "/",
        operation_id="create_product",
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        data: JSONBody[ProductTerms],
        idempotency_key: IdempotencyKey = None,
    ) -> ProductOut:
        """Put a product on the marketplace (active at once, version 1)."""
        return _out(await service.create_product(session, principal, data))

    @get(
        "/",
        operation_id="list_products",
        dependencies=pagination("product"),
        responses=problem_responses(),
    )
    async def list(
        self,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        status: FromQuery[Literal["active", "paused"] | None] = None,
    ) -> ListOf[ProductOut]:
        """The insurer's own products (every product, for the operator); newest first."""
        found = await service.list_products(session, principal, status, page)
        return ListOf(data=[_out(p) for p in found.items], has_more=found.has_more)

    @get("/{product_id:str}", operation_id="retrieve_product", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, product_id: ProductPath
    ) -> ProductOut:
        """One product, with the terms in force."""
        return _out(await service.retrieve(session, principal, product_id))

    @post(
        "/{product_id:str}",
        operation_id="update_product",
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def update(
        self,
        session: DbSession,
        principal: Caller,
        product_id: ProductPath,
        data: JSONBody[ProductTerms],
        idempotency_key: IdempotencyKey = None,
    ) -> ProductOut:
        """Replace the terms: a new version; quotes already made keep the version they used."""
        return _out(await service.new_version(session, principal, product_id, data))

    @post(
        "/{product_id:str}/pause",
        operation_id="pause_product",
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def pause(
        self,
        session: DbSession,
        principal: Caller,
        product_id: ProductPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ProductOut:
        """Stop offering the product in new quotes."""
        return _out(await service.set_status(session, principal, product_id, "paused"))

    @post(
        "/{product_id:str}/resume",
        operation_id="resume_product",
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def resume(
        self,
        session: DbSession,
        principal: Caller,
        product_id: ProductPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ProductOut:
        """Offer a paused product again."""
        return _out(await service.set_status(session, principal, product_id, "active"))

    @get(
        "/{product_id:str}/versions/{version:int}",
        operation_id="retrieve_product_version",
        responses=problem_responses(),
    )
    async def retrieve_version(
        self, session: DbSession, principal: Caller, product_id: ProductPath, version: VersionPath
    ) -> ProductVersionOut:
        """The terms of one version of a product, as quotes priced with it saw them."""
        found, terms = await service.retrieve_version(session, principal, product_id, version)
        return ProductVersionOut(
            **msgspec.structs.asdict(terms),
            product=found.product_id,
            version=found.version,
            created_at=found.created_at,
        )
