"""Load benchmark: the server as ``make run`` starts it, driven by wrk over loopback.

Reports, from one run: ``/health`` requests/s at 50 connections, quote requests/s at 50
connections (and the ratio to ``/health``), quote latency p50/p99 at 10 connections, the server's
resident memory, and a check that every answered quote is persisted; all on the embedded SQLite
with one worker. Then the same quotes on PostgreSQL with one worker and with
``MARKETPLACE_WORKERS=2`` (each on a fresh database), and the two-to-one ratio.

    .venv/bin/python bench/load.py [--seconds 10] [--postgres URL | --no-postgres]

PostgreSQL is the server at ``--postgres`` (by default the test server,
postgresql+asyncpg://postgres@127.0.0.1:5432/test); the benchmark makes and drops its own
database ``marketplace_bench`` there.

wrk comes from Debian's packages (installed here when missing and run as root). Every phase is
bounded in time and talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import asyncpg
from harness import (
    demo_platform,
    ensure_wrk,
    free_port,
    marketplace,
    resident_mb,
    say,
    server_environment,
    serving,
    wrk,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
QUOTE_SCRIPT = ROOT / "bench" / "quote.lua"
TARGET_P99_MS = 10.0
TARGET_QUOTE_SHARE = 0.10
GOAL_QUOTE_SHARE = 0.25
TARGET_TWO_WORKERS = 1.7
DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "marketplace_bench"


def count_quotes(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("SELECT count(*) FROM quotes").fetchone()[0])


def _quote_env(env: dict[str, str], key: str, seller: str) -> dict[str, str]:
    today = dt.datetime.now(dt.UTC).date()
    return {
        **env,
        "BENCH_KEY": key,
        "BENCH_SELLER": seller,
        "BENCH_ISSUE": today.isoformat(),
        "BENCH_DUE": (today + dt.timedelta(days=60)).isoformat(),
    }


def run(seconds: int) -> dict[str, Any]:
    binary = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-"))
    database = work / "marketplace.db"
    port = free_port()
    env = server_environment(database, port)
    marketplace(env, "migrate")
    key, seller = demo_platform(env, work / "demo-keys.txt")
    url = f"http://127.0.0.1:{port}"
    with serving(env, work / "server.log") as server:
        lua_env = _quote_env(env, key, seller)
        wrk(binary, f"{url}/v1/quotes", 10, min(seconds, 3), lua_env, QUOTE_SCRIPT)  # warm-up
        health = wrk(binary, f"{url}/health", 50, seconds, env, None)
        quotes_50 = wrk(binary, f"{url}/v1/quotes", 50, seconds, lua_env, QUOTE_SCRIPT)
        memory_mb = resident_mb(server.pid)
        quotes_10 = wrk(binary, f"{url}/v1/quotes", 10, seconds, lua_env, QUOTE_SCRIPT)
    answered = sum(int(p["requests"] - p["non_2xx"]) for p in (quotes_50, quotes_10))
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds_per_phase": seconds,
        "health_50": health,
        "quotes_50": quotes_50,
        "quotes_10": quotes_10,
        "quote_to_health_ratio": quotes_50["requests_per_s"] / health["requests_per_s"],
        "server_rss_mb": memory_mb,
        "quotes_persisted": count_quotes(database),
        "quotes_answered_2xx_measured": answered,
    }


def _admin_dsn(url: str, database: str) -> str:
    """asyncpg's DSN for ``url`` (a SQLAlchemy URL) with another database."""
    plain = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    return plain.rsplit("/", 1)[0] + f"/{database}"


async def _recreate(url: str) -> None:
    connection = await asyncpg.connect(_admin_dsn(url, url.rsplit("/", 1)[1]))
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        await connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    finally:
        await connection.close()


async def _count_pg(url: str) -> int:
    connection = await asyncpg.connect(_admin_dsn(url, BENCH_DATABASE))
    try:
        return int(await connection.fetchval("SELECT count(*) FROM quotes"))
    finally:
        await connection.close()


def run_postgres(seconds: int, url: str, workers: int) -> dict[str, Any]:
    """Quotes/s at 50 connections on a fresh PostgreSQL database, with ``workers`` processes."""
    binary = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="marketplace-bench-pg-"))
    asyncio.run(_recreate(url))
    port = free_port()
    env = server_environment(work / "unused.db", port, workers=str(workers))
    env["MARKETPLACE_DATABASE_URL"] = url.rsplit("/", 1)[0] + f"/{BENCH_DATABASE}"
    marketplace(env, "migrate")
    key, seller = demo_platform(env, work / "demo-keys.txt")
    with serving(env, work / "server.log"):
        lua_env = _quote_env(env, key, seller)
        endpoint = f"http://127.0.0.1:{port}/v1/quotes"
        wrk(binary, endpoint, 10, min(seconds, 3), lua_env, QUOTE_SCRIPT)  # warm-up
        quotes_50 = wrk(binary, endpoint, 50, seconds, lua_env, QUOTE_SCRIPT)
    persisted = asyncio.run(_count_pg(url))
    return {"workers": workers, "quotes_50": quotes_50, "quotes_persisted": persisted}


def report(result: dict[str, Any]) -> None:
    health, q50, q10 = result["health_50"], result["quotes_50"], result["quotes_10"]
    ratio = result["quote_to_health_ratio"]
    lines = [
        f"/health, 50 connections     {health['requests_per_s']:>10,.0f} req/s",
        f"POST /v1/quotes, 50 conn.   {q50['requests_per_s']:>10,.0f} req/s"
        f"  ({ratio:.1%} of /health; target >= {TARGET_QUOTE_SHARE:.0%},"
        f" goal {GOAL_QUOTE_SHARE:.0%})"
        f"  non-2xx {q50['non_2xx']}",
        f"POST /v1/quotes, 10 conn.   {q10['requests_per_s']:>10,.0f} req/s"
        f"  p50 {q10['p50_ms']:.2f} ms, p99 {q10['p99_ms']:.2f} ms"
        f" (target p99 <= {TARGET_P99_MS:.0f} ms)  non-2xx {q10['non_2xx']}",
        f"server resident memory      {result['server_rss_mb']:>10.0f} MB (target <= 300 MB)",
        f"quotes persisted            {result['quotes_persisted']:>10,}"
        f" (2xx in the measured phases: {result['quotes_answered_2xx_measured']:,},"
        " plus the warm-up)",
    ]
    for pg in result.get("postgres", []):
        rate, errors = pg["quotes_50"]["requests_per_s"], pg["quotes_50"]["non_2xx"]
        lines.append(
            f"PostgreSQL, {pg['workers']} worker(s), 50 conn. {rate:>7,.0f} req/s"
            f"  non-2xx {errors}  (persisted {pg['quotes_persisted']:,})"
        )
    if len(result.get("postgres", [])) == 2:
        one, two = (pg["quotes_50"]["requests_per_s"] for pg in result["postgres"])
        target = TARGET_TWO_WORKERS
        lines.append(f"PostgreSQL, 2 workers / 1 worker {two / one:>10.2f}x (target >= {target}x)")
    say("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured phase")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="a PostgreSQL server's URL")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    options = parser.parse_args()
    result = run(options.seconds)
    if not options.no_postgres:
        result["postgres"] = [
            run_postgres(options.seconds, options.postgres, workers) for workers in (1, 2)
        ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    report(result)


if __name__ == "__main__":
    main()
