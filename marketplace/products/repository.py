"""Every query on products and their versions."""

from __future__ import annotations

from sqlalchemy import Select, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.accounts import Account
from marketplace.models.products import Product, ProductVersion


async def add(session: AsyncSession, *rows: Product | ProductVersion) -> None:
    session.add_all(rows)
    await session.flush()


async def get_product(session: AsyncSession, product_id: str, livemode: bool) -> Product | None:
    query = select(Product).where(Product.id == product_id, Product.livemode == livemode)
    return (await session.execute(query)).scalar_one_or_none()


async def get_version(
    session: AsyncSession, product_id: str, version: int
) -> ProductVersion | None:
    return await session.get(ProductVersion, (product_id, version))


def products_query(livemode: bool, insurer_id: str | None, status: str | None) -> Select[Product]:
    query = select(Product).where(Product.livemode == livemode)
    if insurer_id is not None:
        query = query.where(Product.insurer_id == insurer_id)
    if status is not None:
        query = query.where(Product.status == status)
    return query


async def terms_of(session: AsyncSession, products: list[Product]) -> dict[str, ProductVersion]:
    """The version in force of each product, by product id."""
    if not products:
        return {}
    in_force = tuple_(ProductVersion.product_id, ProductVersion.version).in_(
        [(p.id, p.version) for p in products]
    )
    versions = (await session.execute(select(ProductVersion).where(in_force))).scalars()
    return {version.product_id: version for version in versions}


def _active_with_terms_query(livemode: bool) -> Select[Product, ProductVersion]:
    return (
        select(Product, ProductVersion)
        .join(
            ProductVersion,
            (ProductVersion.product_id == Product.id) & (ProductVersion.version == Product.version),
        )
        .where(Product.livemode == livemode, Product.status == "active")
    )


async def active_with_terms(
    session: AsyncSession, livemode: bool
) -> list[tuple[Product, ProductVersion, str]]:
    """Every active product of a mode with the terms in force and its insurer's name, in one
    query."""
    query = (
        _active_with_terms_query(livemode)
        .add_columns(Account.name)
        .join(Account, Account.id == Product.insurer_id)
        .order_by(Product.id)
    )
    return [(row[0], row[1], str(row[2])) for row in await session.execute(query)]


async def one_active_with_terms(
    session: AsyncSession, product_id: str, livemode: bool
) -> tuple[Product, ProductVersion] | None:
    """One product with the terms in force, if it is active (one query)."""
    query = _active_with_terms_query(livemode).where(Product.id == product_id)
    row = (await session.execute(query)).one_or_none()
    return None if row is None else (row[0], row[1])
