"""The ``marketplace`` command: serve, worker, migrate, demo, accounts, openapi, underwriting."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from marketplace.config import ConfigError, check_serving
from marketplace.kit.commands import run_in_session, settings_or_exit

WORKER_STOP_TIMEOUT_S = 30
"""How long a server process may take to stop (requests and webhook attempts in flight end
within 15 s) before it is killed."""


class LazyGroups(click.Group):
    """Command groups imported only when run, so ``serve`` does not load training code."""

    LAZY = {
        "accounts": "marketplace.accounts.cli:accounts",
        "underwriting": "marketplace.underwriting.cli:underwriting",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY:
            module, _, name = self.LAZY[cmd_name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), name)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroups)
def main() -> None:
    """Invoice cover marketplace."""


@main.command()
@click.option("--host", default=None, help="Address to listen on (MARKETPLACE_HOST).")
@click.option("--port", default=None, type=int, help="Port to listen on (MARKETPLACE_PORT).")
@click.option("--workers", default=None, type=int, help="Worker processes (MARKETPLACE_WORKERS).")
def serve(host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the API (granian, ASGI); with no Stripe key, with localstripe beside it."""
    import os

    from granian import Granian
    from granian.constants import Interfaces

    from marketplace.kit.logging import configure_logging
    from marketplace.payments.localstripe import embedded_stripe

    settings = settings_or_exit()
    address, listen_port = host or settings.host, port or settings.port
    try:
        check_serving(settings, address)
    except ConfigError as error:
        click.echo(f"configuration error: {error}", err=True)
        sys.exit(2)
    configure_logging(settings)
    with embedded_stripe(settings, server_host=address, server_port=listen_port) as stripe_env:
        # The workers read their settings from the environment when they start.
        os.environ.update(stripe_env)
        Granian(
            "marketplace.server_process:create_server_app",
            address=address,
            port=listen_port,
            workers=workers or settings.workers,
            interface=Interfaces.ASGI,
            factory=True,
            log_access=False,
            backlog=2048,
            # A worker that dies (whatever the cause) is replaced instead of stopping the server.
            respawn_failed_workers=True,
            # A worker still running this long after it was told to stop is killed.
            workers_kill_timeout=WORKER_STOP_TIMEOUT_S,
        ).serve()


@main.command()
@click.option(
    "--concurrency",
    default=None,
    type=click.IntRange(1, 10_000),
    help="Webhook requests in flight at once (MARKETPLACE_WORKER_CONCURRENCY).",
)
def worker(concurrency: int | None) -> None:
    """Deliver webhooks (fan out events, send, retry) and run the claims' date-driven steps
    (overdue, time bar, claim opening, collection, approval, deadline notices) until SIGTERM
    or SIGINT.

    ``serve`` runs one inside itself; run these for more throughput (on PostgreSQL they
    share the work) and set MARKETPLACE_EMBEDDED_WORKER=false for the servers.
    """
    from marketplace.events.running import run_loop, run_standalone
    from marketplace.kit.logging import configure_logging

    settings = settings_or_exit()
    configure_logging(settings)
    run_loop(run_standalone(settings, concurrency))


@main.command()
def migrate() -> None:
    """Apply database migrations up to the newest."""
    from marketplace.migrations import upgrade

    settings = settings_or_exit()
    upgrade(settings)
    click.echo(f"database at head: {settings.database_url.split('://', 1)[0]}")


@main.command()
@click.option("--keys-file", default="var/demo-keys.txt", show_default=True, type=click.Path())
def demo(keys_file: str) -> None:
    """Create the demo accounts once, and print their test API keys."""
    from marketplace.demo import ensure_demo, read_keys_file, write_keys_file

    path = Path(keys_file)
    known = read_keys_file(path)
    keys = run_in_session(lambda session: ensure_demo(session, known))
    write_keys_file(path, [key.line for key in keys])
    click.echo("Demo accounts and their API keys (test mode):")
    for key in keys:
        click.echo(f"  {key.role:<9} {key.name:<34} {key.account_id}  {key.secret}")


@main.command()
@click.option("--out", default="openapi/openapi.json", show_default=True, type=click.Path())
def openapi(out: str) -> None:
    """Write the OpenAPI document of the API."""
    from marketplace.app import create_app

    schema: dict[str, Any] = create_app(settings_or_exit()).openapi_schema.to_schema()
    text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}")
