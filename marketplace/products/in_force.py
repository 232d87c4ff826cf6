"""The products in force, as every quote needs them, cached per process.

Every quote reads all active products of its mode with their terms. The cache is checked
against one cheap query (how many products the mode has and when one last changed), so an
insurer's new version, pause or new product applies to the very next quote, in every process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.products import Product
from marketplace.products import repository
from marketplace.products.schemas import ProductTerms, terms_from_document


@dataclass(frozen=True, slots=True)
class ProductInForce:
    """An active product as a quote sees it: the version in force and its terms."""

    product_id: str
    version: int
    insurer_id: str
    terms: ProductTerms


@dataclass(frozen=True, slots=True)
class _Snapshot:
    stamp: tuple[int, datetime | None]
    products: list[ProductInForce]


class ProductsInForce:
    """Per-process cache of the active products of each mode."""

    def __init__(self) -> None:
        self._by_mode: dict[bool, _Snapshot] = {}

    async def get(self, session: AsyncSession, livemode: bool) -> list[ProductInForce]:
        stamp_query = select(func.count(), func.max(Product.updated_at)).where(
            Product.livemode == livemode
        )
        count, last_change = (await session.execute(stamp_query)).one()
        stamp = (int(count), last_change)
        cached = self._by_mode.get(livemode)
        if cached is not None and cached.stamp == stamp:
            return cached.products
        products = [
            ProductInForce(
                product.id, version.version, product.insurer_id, terms_from_document(version.terms)
            )
            for product, version in await repository.active_with_terms(session, livemode)
        ]
        self._by_mode[livemode] = _Snapshot(stamp, products)
        return products


def _products_in_force(state: State) -> ProductsInForce:
    cache: ProductsInForce = state.products_in_force
    return cache


IN_FORCE = {"in_force": Provide(_products_in_force, sync_to_thread=False)}
"""Handler dependencies giving ``in_force: InForce``, the process's cache (made at start-up)."""
InForce = NamedDependency[ProductsInForce]
