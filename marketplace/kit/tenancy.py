"""Who is calling: the principal every scoped read and write is filtered by."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Principal:
    """The account behind the API key of a request, and the mode the key carries."""

    account_id: str
    role: str
    livemode: bool
    api_key_id: str
    platform_id: str | None = None
