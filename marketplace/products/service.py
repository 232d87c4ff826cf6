"""Insurer products: create, new versions, pause and resume, read.

An insurer sees and changes only its own products (another insurer's are not found); the
operator reads every product. Each change of terms writes a new immutable version.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.errors import ResourceNotFound
from marketplace.kit.cache import invalidate_on_commit
from marketplace.kit.clock import utc_now
from marketplace.kit.ids import new_id
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.products import Product, ProductVersion
from marketplace.products import repository
from marketplace.products.in_force import PRODUCTS_CACHE
from marketplace.products.rules import check_terms
from marketplace.products.schemas import ProductTerms, terms_document, terms_from_document


class ProductNotFound(ResourceNotFound):
    pass


@dataclass(frozen=True, slots=True)
class ProductWithTerms:
    product: Product
    terms: ProductTerms


async def _visible(session: AsyncSession, principal: Principal, product_id: str) -> Product:
    product = await repository.get_product(session, product_id, principal.livemode)
    mine = principal.role == "operator" or (product and product.insurer_id == principal.account_id)
    if product is None or not mine:
        raise ProductNotFound(f"No such product: {product_id}", param="product")
    return product


async def _owned(session: AsyncSession, principal: Principal, product_id: str) -> Product:
    product = await _visible(session, principal, product_id)
    if product.insurer_id != principal.account_id:
        raise ProductNotFound(f"No such product: {product_id}", param="product")
    return product


async def _with_terms(session: AsyncSession, product: Product) -> ProductWithTerms:
    version = await repository.get_version(session, product.id, product.version)
    assert version is not None, "every product has the version it points at"
    return ProductWithTerms(product, terms_from_document(version.terms))


async def create_product(
    session: AsyncSession, principal: Principal, terms: ProductTerms
) -> ProductWithTerms:
    check_terms(terms)
    product = Product(
        id=new_id("product"),
        insurer_id=principal.account_id,
        livemode=principal.livemode,
        status="active",
        version=1,
        name=terms.name,
    )
    version = ProductVersion(product_id=product.id, version=1, terms=terms_document(terms))
    await repository.add(session, product, version)
    invalidate_on_commit(session, PRODUCTS_CACHE)
    return ProductWithTerms(product, terms)


async def new_version(
    session: AsyncSession, principal: Principal, product_id: str, terms: ProductTerms
) -> ProductWithTerms:
    """Replace the terms in force; quotes already made keep the version they were priced with."""
    product = await _owned(session, principal, product_id)
    check_terms(terms)
    product.version += 1
    product.name = terms.name
    product.updated_at = utc_now()
    version = ProductVersion(
        product_id=product.id, version=product.version, terms=terms_document(terms)
    )
    await repository.add(session, version)
    invalidate_on_commit(session, PRODUCTS_CACHE)
    return ProductWithTerms(product, terms)


async def set_status(
    session: AsyncSession, principal: Principal, product_id: str, status: str
) -> ProductWithTerms:
    """Pause (no new offers) or resume a product; its terms stay as they are."""
    product = await _owned(session, principal, product_id)
    if product.status != status:
        product.status = status
        product.updated_at = utc_now()
        await session.flush()
        invalidate_on_commit(session, PRODUCTS_CACHE)
    return await _with_terms(session, product)


async def retrieve(
    session: AsyncSession, principal: Principal, product_id: str
) -> ProductWithTerms:
    return await _with_terms(session, await _visible(session, principal, product_id))


async def retrieve_version(
    session: AsyncSession, principal: Principal, product_id: str, version: int
) -> tuple[ProductVersion, ProductTerms]:
    product = await _visible(session, principal, product_id)
    found = await repository.get_version(session, product.id, version)
    if found is None:
        raise ProductNotFound(f"Product {product_id} has no version {version}", param="version")
    return found, terms_from_document(found.terms)


async def list_products(
    session: AsyncSession, principal: Principal, status: str | None, page: PageRequest
) -> Page[ProductWithTerms]:
    insurer_id = None if principal.role == "operator" else principal.account_id
    query = repository.products_query(principal.livemode, insurer_id, status)
    found = await paginate(session, query, Product.id, page)
    versions = await repository.terms_of(session, found.items)
    items = [ProductWithTerms(p, terms_from_document(versions[p.id].terms)) for p in found.items]
    return Page(items=items, has_more=found.has_more)
