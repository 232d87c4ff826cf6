"""Structured logging: JSON lines in production, readable colours in a terminal.

Every line carries the request id (and the account id once known) through structlog's
context variables. A last processor masks anything shaped like an API key, wherever it
appears, so a secret cannot reach the log even by accident. Request bodies are never logged.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from marketplace.config import Settings

_SECRET = re.compile(r"mk_(test|live)_[0-9A-Za-z]{4,}")


def _mask_secrets(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in event.items():
        if isinstance(value, str) and "mk_" in value:
            event[key] = _SECRET.sub(r"mk_\1_[redacted]", value)
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
