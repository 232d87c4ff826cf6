"""What becomes of a delivery after an attempt: the retry schedule, ``Retry-After``, and when
an endpoint is given up on.

After attempt n fails, attempt n + 1 is due 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 20 h,
20 h later (about three days in all), each delay moved by up to ±10 % so that deliveries that
failed together do not all come back together. After the last, the delivery has ``failed``. A
429 or 503 whose ``Retry-After`` (seconds or an HTTP date) asks for a later time is honoured,
up to 24 h ahead. A 410 Gone fails the delivery and disables the endpoint at once. Pure: the
caller passes the time and the random source.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

RETRY_DELAYS_S = (5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 72_000, 72_000)
JITTER_RATIO = 0.1
RETRY_AFTER_CAP_S = 24 * 3600
FAILING_DISABLE_AFTER_S = 5 * 24 * 3600
RETRY_AFTER_STATUSES = frozenset({429, 503})
GONE_STATUS = 410


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """The schedule; the benchmark shortens ``delays_s``, the tests turn ``jitter_ratio`` off."""

    delays_s: tuple[float, ...] = RETRY_DELAYS_S
    jitter_ratio: float = JITTER_RATIO
    retry_after_cap_s: float = RETRY_AFTER_CAP_S
    failing_disable_after_s: float = FAILING_DISABLE_AFTER_S

    @property
    def max_attempts(self) -> int:
        return len(self.delays_s) + 1


@dataclass(frozen=True, slots=True)
class Decision:
    """A delivery's state after an attempt: ``succeeded``, ``pending`` (again at
    ``next_attempt_at``) or ``failed``; ``endpoint_gone``: disable the endpoint now."""

    status: str
    next_attempt_at: datetime | None = None
    endpoint_gone: bool = False


def parse_retry_after(value: str | None, now: datetime, cap_s: float) -> datetime | None:
    """The time a ``Retry-After`` header asks for (a delay in seconds or an HTTP date), no
    later than ``cap_s`` after ``now``; None when there is none or it cannot be read. Whatever
    an endpoint sends, this never raises: one answer must not stop the worker."""
    if value is None:
        return None
    text, latest = value.strip(), now + timedelta(seconds=cap_s)
    if text.isascii() and text.isdigit():
        seconds = cap_s if len(text.lstrip("0")) > len(str(int(cap_s))) else int(text)
        return min(latest, now + timedelta(seconds=seconds))
    try:
        asked = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return min(latest, asked if asked.tzinfo is not None else asked.replace(tzinfo=UTC))


def retry_delay_s(policy: RetryPolicy, attempts: int, rng: random.Random) -> float | None:
    """The wait after ``attempts`` failed attempts (None: no attempt is left)."""
    if attempts < 1 or attempts > len(policy.delays_s):
        return None
    jitter = 1 + rng.uniform(-policy.jitter_ratio, policy.jitter_ratio)
    return policy.delays_s[attempts - 1] * jitter


def decide(
    policy: RetryPolicy,
    *,
    ok: bool,
    status_code: int | None,
    retry_after: str | None,
    attempts: int,
    now: datetime,
    rng: random.Random,
) -> Decision:
    """The outcome of attempt number ``attempts`` (1 for the first) that ended at ``now``."""
    if ok:
        return Decision("succeeded")
    if status_code == GONE_STATUS:
        return Decision("failed", endpoint_gone=True)
    delay_s = retry_delay_s(policy, attempts, rng)
    if delay_s is None:
        return Decision("failed")
    due = now + timedelta(seconds=delay_s)
    if status_code in RETRY_AFTER_STATUSES:
        asked = parse_retry_after(retry_after, now, policy.retry_after_cap_s)
        if asked is not None:
            due = max(due, asked)
    return Decision("pending", due)


def failing_too_long(policy: RetryPolicy, failing_since: datetime | None, now: datetime) -> bool:
    """Whether an endpoint failing without a break since ``failing_since`` is to be disabled."""
    if failing_since is None:
        return False
    return now - failing_since >= timedelta(seconds=policy.failing_disable_after_s)
