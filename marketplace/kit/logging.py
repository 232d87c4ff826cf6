"""Structured logging: JSON lines in production, readable colours in a terminal.

Every line carries the request id (and the account id once known) through structlog's
context variables. A last processor masks anything shaped like a secret (our API keys, Stripe
keys, webhook signing secrets), wherever it appears, so none reaches the log even by accident.
Request bodies are never logged.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from marketplace.config import Settings

# Our API keys, Stripe secret and restricted keys, and webhook signing secrets.
_SECRET = re.compile(
    r"\b(mk_test_|mk_live_|sk_test_|sk_live_|rk_test_|rk_live_|whsec_)[0-9A-Za-z_]{4,}"
)
_MARKERS = ("mk_", "sk_", "rk_", "whsec_")


def _mask_secrets(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in event.items():
        if isinstance(value, str) and any(marker in value for marker in _MARKERS):
            event[key] = _SECRET.sub(r"\1[redacted]", value)
    return event


def _renderer(settings: Settings) -> Any:
    log_format = settings.log_format
    if log_format == "auto":
        log_format = "console" if sys.stderr.isatty() else "json"
    if log_format == "console":
        return structlog.dev.ConsoleRenderer()
    return structlog.processors.JSONRenderer()


def configure_logging(settings: Settings) -> None:
    """Configure structlog (and the standard library's logging for third-party packages)."""
    level = getattr(logging, settings.log_level.upper())
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.processors.format_exc_info,
            _mask_secrets,
            _renderer(settings),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared, processors=[_mask_secrets, _renderer(settings)]
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.WARNING))
