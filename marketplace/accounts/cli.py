"""``marketplace accounts …``: account and API key management from the command line."""

from __future__ import annotations

import click

from marketplace.accounts import service
from marketplace.accounts.schemas import Role
from marketplace.kit.commands import SYSTEM, run_in_session
from marketplace.kit.pagination import MAX_LIMIT, PageRequest

ROLES: tuple[Role, ...] = ("operator", "insurer", "platform", "seller")


@click.group()
def accounts() -> None:
    """Manage accounts and their API keys."""


@accounts.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", required=True)
@click.option("--platform", default=None, help="Connect a seller to this platform (acct_…).")
def create_account(role: str, name: str, platform: str | None) -> None:
    """Create an account and print its id."""
    account = run_in_session(
        lambda session: service.create_account(session, SYSTEM, role, name, platform)
    )
    click.echo(account.id)


@accounts.command("list")
@click.option("--role", type=click.Choice(ROLES), default=None)
def list_accounts(role: str | None) -> None:
    """List the newest accounts (id, role, name)."""
    page = PageRequest(limit=MAX_LIMIT, starting_after=None, ending_before=None)
    found = run_in_session(lambda session: service.list_accounts(session, SYSTEM, role, page))
    for account in found.items:
        click.echo(f"{account.id}\t{account.role}\t{account.name}")


@accounts.group()
def keys() -> None:
    """Manage API keys."""


@keys.command("create")
@click.argument("account_id")
@click.option("--live", is_flag=True, help="A live-mode key (mk_live_…) instead of a test key.")
@click.option("--name", default=None)
def create_key(account_id: str, live: bool, name: str | None) -> None:
    """Create an API key and print its secret (shown this once)."""
    created = run_in_session(
        lambda session: service.create_api_key(session, SYSTEM, account_id, live, name)
    )
    click.echo(f"{created.key.id}\t{created.secret}")


@keys.command("revoke")
@click.argument("account_id")
@click.argument("key_id")
def revoke_key(account_id: str, key_id: str) -> None:
    """Revoke an API key at once."""
    key = run_in_session(
        lambda session: service.revoke_api_key(session, SYSTEM, account_id, key_id)
    )
    click.echo(f"{key.id}\trevoked at {key.revoked_at}")
