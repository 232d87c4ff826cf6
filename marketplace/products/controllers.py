"""HTTP endpoints for insurer products."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from litestar import Controller, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.products import service
from marketplace.products.rules import InvalidProductTerms
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
StatusFilter = Annotated[
    Literal["active", "paused"] | None,
    QueryParameter(description="Only products in this status"),
]
TERMS_ERRORS = (InvalidProductTerms,)


def _out(found: service.ProductWithTerms) -> ProductOut:
    return ProductOut.of(found.product, found.terms)


class ProductController(Controller):
    path = "/products"
    tags = ["products"]
    guards = [require_roles("insurer", "operator")]

    @post(
        "/",
        operation_id="create_product",
        summary="Put a product on the marketplace",
        description=(
            "An insurer offers a new product: its appetite (currencies and amounts, buyer"
            " countries and sectors, tenor, risk), its cover terms (cover ratios, waiting"
            " period, claim threshold, deadlines) and its pricing. It is `active` at once, as"
            " version 1, and priced in the very next quote made through this server process"
            " (within 2 s in the others). Contradictory terms are refused field by field (422"
            " `invalid_product_terms`, every bad field in `errors`). **Who**: an insurer."
        ),
        response_description="The product, active, version 1",
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS, errors=TERMS_ERRORS),
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
        summary="List products",
        description=(
            "An insurer's own products, or every product for the operator; newest first,"
            " filtered by `status`. Changes nothing."
        ),
        response_description="One page of products, newest first",
        dependencies=pagination("product"),
        responses=problem_responses(),
    )
    async def list(
        self,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        status: StatusFilter = None,
    ) -> ListOf[ProductOut]:
        """The insurer's own products (every product, for the operator); newest first."""
        found = await service.list_products(session, principal, status, page)
        return ListOf(data=[_out(p) for p in found.items], has_more=found.has_more)

    @get(
        "/{product_id:str}",
        operation_id="retrieve_product",
        summary="Retrieve a product",
        description=(
            "One product with the terms in force, for its insurer or the operator (another"
            " insurer's product is a 404). Changes nothing."
        ),
        response_description="The product",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, product_id: ProductPath
    ) -> ProductOut:
        """One product, with the terms in force."""
        return _out(await service.retrieve(session, principal, product_id))

    @post(
        "/{product_id:str}",
        operation_id="update_product",
        summary="Change a product's terms",
        description=(
            "Replaces the whole terms with new ones: a new version, in force for the next"
            " quote (within 2 s in other server processes). Quotes already made, and covers"
            " bound on them, keep the version they were priced with. **Who**: the product's"
            " insurer."
        ),
        response_description="The product with its new version in force",
        status_code=200,
        guards=INSURER_ONLY,
        responses=problem_responses(WRITE_ERRORS, errors=TERMS_ERRORS),
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
        summary="Pause a product",
        description=(
            "Stops the product in new quotes and binds (an offer of a paused product cannot be"
            " bound: 409 `product_unavailable`). Covers already bound and waiting for their"
            " premium still activate when paid. **Who**: the product's insurer."
        ),
        response_description="The product, paused",
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
        summary="Resume a paused product",
        description=(
            "Offers a paused product again, in the next quote. **Who**: the product's insurer."
        ),
        response_description="The product, active",
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
        summary="Retrieve one version of a product's terms",
        description=(
            "The terms of one past or present version, as the quotes priced with it saw them"
            " (an offer's `product_version`). For the product's insurer or the operator."
            " Changes nothing."
        ),
        response_description="The terms of that version",
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
