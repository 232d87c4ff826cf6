"""The products in force, as every quote needs them, cached per process.

Every quote needs all active products of its mode with their terms. They are kept in the
process's caches (``kit.cache``): an insurer's new product, version, pause or resume made
through this process applies to the very next quote; one made through another process applies
once this process's entry expires (``CACHE_SECONDS``), when one cheap query (how many products
the mode has and when one last changed) tells whether to read them again. A quote priced on a
version replaced meanwhile cannot be bound on it: binding checks the product in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.cache import caches_of
from marketplace.models.products import Product
from marketplace.products import repository
from marketplace.products.schemas import ProductTerms, terms_from_document


@dataclass(frozen=True, slots=True)
class ProductInForce:
    """An active product as a quote sees it: the version in force and its terms, with the
    names a checkout shows (the product's, and its insurer account's)."""

    product_id: str
    version: int
    insurer_id: str
    terms: ProductTerms
    insurer_name: str

    @property
    def name(self) -> str:
        """The product's name in the version in force."""
        return self.terms.name


@dataclass(frozen=True, slots=True)
class _Snapshot:
    stamp: tuple[int, datetime | None]
    products: list[ProductInForce]


PRODUCTS_CACHE = "products_in_force"
_STAMP_QUERY = {
    livemode: select(func.count(), func.max(Product.updated_at)).where(Product.livemode == livemode)
    for livemode in (False, True)
}


class ProductsInForce:
    """The active products of each mode: fresh from the session's process caches, else read
    again (only the stamp, when nothing changed since the last read)."""

    def __init__(self) -> None:
        self._last_read: dict[bool, _Snapshot] = {}

    async def get(self, session: AsyncSession, livemode: bool) -> list[ProductInForce]:
        cache = caches_of(session).named(PRODUCTS_CACHE)
        fresh: _Snapshot | None = cache.get(livemode)
        if fresh is not None:
            return fresh.products
        loading = cache.loading()
        count, last_change = (await session.execute(_STAMP_QUERY[livemode])).one()
        stamp = (int(count), last_change)
        snapshot = self._last_read.get(livemode)
        if snapshot is None or snapshot.stamp != stamp:
            snapshot = _Snapshot(stamp, await _read(session, livemode))
            self._last_read[livemode] = snapshot
        cache.put(livemode, snapshot, loading)
        return snapshot.products


async def _read(session: AsyncSession, livemode: bool) -> list[ProductInForce]:
    """The products in force with their insurers' names (when the cache is read again: never
    on a quote's own path). Account names never change once made, so the cache's stamp (the
    products) suffices."""
    found = await repository.active_with_terms(session, livemode)
    return [
        ProductInForce(
            product.id,
            version.version,
            product.insurer_id,
            terms_from_document(version.terms),
            insurer_name,
        )
        for product, version, insurer_name in found
    ]


def _products_in_force(state: State) -> ProductsInForce:
    cache: ProductsInForce = state.products_in_force
    return cache


IN_FORCE = {"in_force": Provide(_products_in_force, sync_to_thread=False)}
"""Handler dependencies giving ``in_force: InForce``, the process's cache (made at start-up)."""
InForce = NamedDependency[ProductsInForce]
