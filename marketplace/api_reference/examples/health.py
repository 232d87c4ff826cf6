"""Examples of the liveness and readiness answers."""

from __future__ import annotations

from marketplace.api_reference.examples.example import Example
from marketplace.health import Health, Readiness

REVISION = "2026-11-29_offers_shown_metadata"


def examples() -> list[Example]:
    return [
        Example("ok", "The process answers", Health()),
        Example(
            "ready",
            "The database answers, takes writes, and its schema is at the code's",
            Readiness(
                status="ready",
                database="ok",
                writes="ok",
                migrations="at_head",
                revision=REVISION,
                head_revision=REVISION,
            ),
        ),
        Example(
            "not_ready",
            "The database takes no writes (disk full or read-only)",
            Readiness(
                status="not_ready",
                database="ok",
                writes="failing",
                migrations="at_head",
                revision=REVISION,
                head_revision=REVISION,
            ),
            ("ready 503",),
        ),
    ]
