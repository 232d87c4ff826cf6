"""The demo marketplace ``make run`` creates once: an operator, three insurers with one product
each (different appetites), a platform and one seller connected to it.

Their test-mode keys are written to a local keys file (mode 0600) when they are made, so that
every ``make run`` can print them again; the database itself only ever holds key hashes. If a
key in the file no longer works (revoked, or the database was reset), a new one is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository, service
from marketplace.accounts.secrets import hash_secret
from marketplace.kit.commands import SYSTEM
from marketplace.kit.tenancy import Principal
from marketplace.models.accounts import Account
from marketplace.models.products import Product
from marketplace.products import service as products
from marketplace.products.schemas import ProductTerms

OPERATOR = ("operator", "Demo Marketplace Operator")
PLATFORM = ("platform", "Demo Fintech Platform")
SELLER = ("seller", "Demo Seller SAS")
NOT_INSURED_SECTORS = ["K", "O", "T", "U"]

DEMO_PRODUCTS: dict[str, dict[str, Any]] = {
    "Atlas Credit": {
        "name": "Atlas SME Invoice Cover",
        "currencies": [
            {
                "currency": "EUR",
                "amount_min": 100_000,
                "amount_max": 25_000_000,
                "buyer_capacity": 50_000_000,
                "minimum_premium": 2_500,
                "fixed_fee": 500,
            },
        ],
        "excluded_sectors": NOT_INSURED_SECTORS,
        "max_tenor_days": 120,
        "max_probability_of_default": 0.06,
        "cover_ratios": [0.9, 0.75],
        "waiting_period_days": 150,
        "claim_threshold_days": 60,
        "pricing": {
            "loss_given_default": 0.55,
            "target_loss_ratio": 0.65,
            "expense_loading": 0.12,
            "time_loading_bps_per_year": 40,
        },
    },
    "Northwind Trade Insurance": {
        "name": "Northwind Large Ticket Cover",
        "currencies": [
            {
                "currency": "EUR",
                "amount_min": 500_000,
                "amount_max": 200_000_000,
                "buyer_capacity": 500_000_000,
                "minimum_premium": 15_000,
            },
            {
                "currency": "GBP",
                "amount_min": 500_000,
                "amount_max": 150_000_000,
                "buyer_capacity": 400_000_000,
                "minimum_premium": 12_000,
            },
        ],
        "countries": ["AT", "BE", "DE", "ES", "FR", "GB", "IE", "IT", "LU", "NL"],
        "excluded_sectors": NOT_INSURED_SECTORS,
        "max_tenor_days": 180,
        "max_probability_of_default": 0.03,
        "cover_ratios": [0.85],
        "waiting_period_days": 180,
        "claim_threshold_days": 90,
        "pricing": {
            "loss_given_default": 0.5,
            "target_loss_ratio": 0.7,
            "expense_loading": 0.1,
            "time_loading_bps_per_year": 25,
        },
    },
    "Helios Specialty": {
        "name": "Helios Construction & Trade Cover",
        "currencies": [
            {
                "currency": "EUR",
                "amount_min": 50_000,
                "amount_max": 10_000_000,
                "buyer_capacity": 15_000_000,
                "minimum_premium": 4_000,
                "fixed_fee": 1_000,
            },
        ],
        "sectors": ["C", "F", "G", "H"],
        "max_tenor_days": 90,
        "max_probability_of_default": 0.15,
        "cover_ratios": [0.8, 0.7],
        "waiting_period_days": 120,
        "claim_threshold_days": 45,
        "pricing": {
            "loss_given_default": 0.6,
            "target_loss_ratio": 0.55,
            "expense_loading": 0.2,
            "time_loading_bps_per_year": 60,
        },
    },
}


def read_keys_file(keys_file: Path) -> dict[str, str]:
    """Secrets by account name, from lines ``role<TAB>name<TAB>secret``."""
    if not keys_file.exists():
        return {}
    keys = {}
    for line in keys_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            keys[parts[1]] = parts[2]
    return keys


def write_keys_file(keys_file: Path, lines: list[str]) -> None:
    """Keep the demo secrets where only this user can read them."""
    keys_file.parent.mkdir(parents=True, exist_ok=True)
    keys_file.touch(mode=0o600, exist_ok=True)
    keys_file.chmod(0o600)
    keys_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def _working(session: AsyncSession, secret: str | None, account_id: str) -> bool:
    if secret is None:
        return False
    found = await repository.key_with_account(session, hash_secret(secret))
    return found is not None and found[0].revoked_at is None and found[1].id == account_id


async def _demo_account(
    session: AsyncSession, role: str, name: str, platform_id: str | None = None
) -> Account:
    query = select(Account).where(Account.role == role, Account.name == name)
    existing = (await session.execute(query.limit(1))).scalar_one_or_none()
    if existing is not None:
        return existing
    return await service.create_account(session, SYSTEM, role, name, platform_id)


async def _demo_product(session: AsyncSession, insurer: Account, terms: dict[str, Any]) -> None:
    query = select(Product.id).where(
        Product.insurer_id == insurer.id, Product.name == terms["name"]
    )
    if (await session.execute(query.limit(1))).first() is None:
        principal = Principal(insurer.id, insurer.role, livemode=False, api_key_id="")
        await products.create_product(session, principal, msgspec.convert(terms, ProductTerms))


@dataclass(frozen=True, slots=True)
class DemoKey:
    role: str
    name: str
    account_id: str
    secret: str

    @property
    def line(self) -> str:
        """The keys file line."""
        return f"{self.role}\t{self.name}\t{self.secret}"


async def _demo_key(session: AsyncSession, account: Account, known: dict[str, str]) -> DemoKey:
    secret = known.get(account.name)
    if secret is None or not await _working(session, secret, account.id):
        secret = (await service.create_api_key(session, SYSTEM, account.id, False, "demo")).secret
    return DemoKey(account.role, account.name, account.id, secret)


async def ensure_demo(session: AsyncSession, known: dict[str, str]) -> list[DemoKey]:
    """Create what is missing of the demo marketplace; a test key for each demo account.

    ``known`` holds the secrets made before, by account name; those that still work are kept.
    """
    accounts = [await _demo_account(session, *OPERATOR)]
    for insurer_name, terms in DEMO_PRODUCTS.items():
        insurer = await _demo_account(session, "insurer", insurer_name)
        await _demo_product(session, insurer, terms)
        accounts.append(insurer)
    platform = await _demo_account(session, *PLATFORM)
    accounts += [platform, await _demo_account(session, *SELLER, platform_id=platform.id)]
    return [await _demo_key(session, account, known) for account in accounts]
