"""When a failed call is sent again, and after how long: exponential backoff with jitter, never
sooner than the API's ``Retry-After``.

Retried: no answer (connection refused, cut or timed out), 409 ``idempotency_key_in_use``,
429 and 5xx. Each POST carries one ``Idempotency-Key`` for all its attempts, so an attempt whose
answer was lost is replayed by the API, never done twice.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from marketplace_sdk.facade.exceptions import MarketplaceError

DEFAULT_MAX_RETRIES = 2


def _jitter() -> float:
    return random.random()  # noqa: S311 - spreads retries out; nothing secret depends on it


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = DEFAULT_MAX_RETRIES
    """Attempts after the first one."""
    initial_delay_s: float = 0.5
    max_delay_s: float = 8.0
    max_retry_after_s: float = 60.0
    """A ``Retry-After`` longer than this is not waited for: the error is raised instead."""

    def backoff_s(self, retries_done: int, jitter: Callable[[], float] = _jitter) -> float:
        """The wait before retry number ``retries_done + 1``: doubling from
        ``initial_delay_s`` up to ``max_delay_s``, then a random part of its second half
        taken off, so that clients failing together do not retry together."""
        ceiling_s = min(self.max_delay_s, self.initial_delay_s * 2.0**retries_done)
        return ceiling_s / 2 + ceiling_s / 2 * jitter()

    def delay_s(
        self,
        retries_done: int,
        error: MarketplaceError,
        *,
        now: datetime | None = None,
        jitter: Callable[[], float] = _jitter,
    ) -> float | None:
        """Seconds to wait before sending the request again after ``error``, or None when it is
        not to be sent again."""
        if retries_done >= self.max_retries or not error.should_retry:
            return None
        asked_s = retry_after_s(error.headers, now or datetime.now(UTC))
        if asked_s is not None and asked_s > self.max_retry_after_s:
            return None
        return max(self.backoff_s(retries_done, jitter), asked_s or 0.0)


def retry_after_s(headers: Mapping[str, str], now: datetime) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), or None."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
