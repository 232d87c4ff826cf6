"""Settings read once from ``MARKETPLACE_*`` environment variables, with safe embedded defaults.

Every variable is parsed and checked at start-up; a bad value raises ``ConfigError`` whose
message is one line naming the variable, so the CLI can stop with it. ``MARKETPLACE_TEST_*``
variables belong to the test suite and are not settings.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

PREFIX = "MARKETPLACE_"
TEST_PREFIX = "MARKETPLACE_TEST_"
LOG_FORMATS = ("auto", "json", "console")
LOG_LEVELS = ("debug", "info", "warning", "error")
SUPPORTED_DATABASE_SCHEMES = ("sqlite+aiosqlite", "postgresql+asyncpg")

LOOPBACK_NAMES = ("localhost",)

LogFormat = Literal["auto", "json", "console"]


class ConfigError(Exception):
    """A configuration value is missing or invalid; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The service's settings. Field ``x`` is read from ``MARKETPLACE_X``."""

    database_url: str = "sqlite+aiosqlite:///var/marketplace.db"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    log_format: LogFormat = "auto"
    log_level: str = "info"
    max_body_bytes: int = 256 * 1024
    idempotency_retention_hours: int = 24
    debug_sql: bool = False
    stripe_secret_key: str | None = None
    """sk_test_… or sk_live_…; without one, the embedded mode runs localstripe."""
    stripe_webhook_secret: str | None = None
    """whsec_… of the Stripe webhook endpoint; the embedded mode makes its own."""
    stripe_api_base: str | None = None
    """Where the Stripe API is (Stripe's own by default); embedded mode uses localstripe."""
    localstripe_port: int = 8420
    embedded_worker: bool = True
    """Deliver webhooks from inside ``marketplace serve`` (one delivery worker, in one of its
    processes). Set false when separate ``marketplace worker`` processes deliver instead."""
    worker_concurrency: int = 100
    """Webhook requests a delivery worker keeps in flight at once, in all (at most 32 to any
    one endpoint); ``marketplace worker --concurrency`` overrides it."""

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _int_between(low: int, high: int) -> Callable[[str, str], int]:
    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
        return value

    return parse


def _one_of(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise ConfigError(f"{name} must be one of {', '.join(choices)}, got {raw!r}")
        return value

    return parse


def _database_url(name: str, raw: str) -> str:
    scheme = raw.split("://", 1)[0]
    if "://" not in raw or scheme not in SUPPORTED_DATABASE_SCHEMES:
        supported = " or ".join(f"{s}://…" for s in SUPPORTED_DATABASE_SCHEMES)
        raise ConfigError(f"{name} must start with {supported}, got {scheme!r}")
    return raw


def _boolean(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _prefixed(*prefixes: str) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        value = raw.strip()
        if not value.startswith(prefixes):
            raise ConfigError(f"{name} must start with {' or '.join(prefixes)}")
        return value

    return parse


def _url(name: str, raw: str) -> str:
    value = raw.strip().rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http:// or https:// URL")
    return value


def _text(name: str, raw: str) -> str:
    if not raw.strip():
        raise ConfigError(f"{name} must not be empty")
    return raw.strip()


PARSERS: dict[str, Callable[[str, str], Any]] = {
    "database_url": _database_url,
    "host": _text,
    "port": _int_between(1, 65535),
    "workers": _int_between(1, 64),
    "log_format": _one_of(LOG_FORMATS),
    "log_level": _one_of(LOG_LEVELS),
    "max_body_bytes": _int_between(1024, 64 * 1024 * 1024),
    "idempotency_retention_hours": _int_between(1, 24 * 30),
    "debug_sql": _boolean,
    "stripe_secret_key": _prefixed("sk_test_", "sk_live_", "rk_test_", "rk_live_"),
    "stripe_webhook_secret": _prefixed("whsec_"),
    "stripe_api_base": _url,
    "localstripe_port": _int_between(1, 65535),
    "embedded_worker": _boolean,
    "worker_concurrency": _int_between(1, 10_000),
}


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Read settings from ``environ`` (the process environment by default).

    Unknown ``MARKETPLACE_*`` variables are refused too: a misspelt database URL must not
    silently fall back to the embedded default.
    """
    env = os.environ if environ is None else environ
    known = {field.name for field in fields(Settings)}
    for variable in env:
        is_setting = variable.startswith(PREFIX) and not variable.startswith(TEST_PREFIX)
        if is_setting and variable.removeprefix(PREFIX).lower() not in known:
            raise ConfigError(f"{variable} is not a known setting")
    values: dict[str, Any] = {}
    for name, parse in PARSERS.items():
        variable = PREFIX + name.upper()
        if variable in env:
            values[name] = parse(variable, env[variable])
    values.update(overrides)
    return Settings(**values)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (a wildcard address is not)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # another host name: it may resolve to any interface


def check_serving(settings: Settings, host: str) -> None:
    """Refuse to serve the embedded Stripe double beyond this machine: without a real Stripe key
    the server takes payments from localstripe, which anyone who reaches it can drive."""
    if settings.stripe_secret_key is None and not is_loopback(host):
        raise ConfigError(
            f"the listen address {host!r} ({PREFIX}HOST or --host) is not a loopback address and"
            f" {PREFIX}STRIPE_SECRET_KEY is not set: the embedded Stripe double (localstripe)"
            f" is for local use only; set {PREFIX}STRIPE_SECRET_KEY and"
            f" {PREFIX}STRIPE_WEBHOOK_SECRET, or listen on 127.0.0.1"
        )
