"""The demo tenants ``make run`` creates once: an operator, an insurer and a platform.

Their test-mode keys are written to a local keys file (mode 0600) when they are made, so that
every ``make run`` can print them again; the database itself only ever holds key hashes. If a
key in the file no longer works (revoked, or the database was reset), a new one is made.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository, service
from marketplace.accounts.secrets import hash_secret
from marketplace.kit.commands import SYSTEM
from marketplace.models.accounts import Account

DEMO_ACCOUNTS = (
    ("operator", "Demo Marketplace Operator"),
    ("insurer", "Demo Insurer"),
    ("platform", "Demo Fintech Platform"),
)


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


async def _demo_account(session: AsyncSession, role: str, name: str) -> Account:
    query = select(Account).where(Account.role == role, Account.name == name)
    existing = (await session.execute(query.limit(1))).scalar_one_or_none()
    if existing is not None:
        return existing
    return await service.create_account(session, SYSTEM, role, name, None)


async def ensure_demo(session: AsyncSession, known: dict[str, str]) -> list[str]:
    """Create what is missing of the demo tenants; one line per key: role, name, secret.

    ``known`` holds the secrets made before, by account name; those that still work are kept.
    """
    lines = []
    for role, name in DEMO_ACCOUNTS:
        account = await _demo_account(session, role, name)
        secret = known.get(name)
        if not await _working(session, secret, account.id):
            secret = (
                await service.create_api_key(session, SYSTEM, account.id, False, "demo")
            ).secret
        lines.append(f"{role}\t{name}\t{secret}")
    return lines
