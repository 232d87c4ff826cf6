"""Per-process caches of what nearly every request reads and rarely changes (API keys, the
products in force), with invalidation that cannot be undone by a read in flight.

Each ``Database`` holds one ``ProcessCaches``; every session it opens carries it in
``session.info``, so a service that changes a cached thing calls ``invalidate_on_commit``
with its session and the cache's name. The entry goes at once, and again when the transaction
ends: a request that read the old row while the change was being written cannot put it back,
because each load remembers the cache's generation and an invalidation moves it on.

Another process learns of a change when its own entry expires: at most ``CACHE_SECONDS``
later. That is the documented bound for a key revoked or a product changed elsewhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

CACHE_SECONDS = 2.0
"""How long an entry is served without being read again: the bound on how late a change made
in another process reaches this one."""
MAX_ENTRIES = 10_000
SESSION_INFO_KEY = "marketplace.caches"
_ON_END = "marketplace.caches.on_transaction_end"


@dataclass(frozen=True, slots=True)
class Loading:
    """A load under way: the generation it started in."""

    generation: int


class TtlCache:
    """Entries that expire after ``ttl_seconds``; ``invalidate`` drops them all."""

    def __init__(self, ttl_seconds: float = CACHE_SECONDS, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._entries: dict[Any, tuple[float, Any]] = {}
        self._generation = 0

    def get(self, key: Any) -> Any | None:
        found = self._entries.get(key)
        if found is None:
            return None
        stored_at, value = found
        if time.monotonic() - stored_at > self.ttl_seconds:
            del self._entries[key]
            return None
        return value

    def loading(self) -> Loading:
        """Call before reading what will be stored, and hand the result to ``put``."""
        return Loading(self._generation)

    def put(self, key: Any, value: Any, loading: Loading) -> None:
        """Keep ``value`` unless the cache was invalidated since ``loading`` began."""
        if loading.generation != self._generation:
            return
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = (time.monotonic(), value)

    def invalidate(self) -> None:
        self._generation += 1
        self._entries.clear()


class ProcessCaches:
    """The named caches of one database in one process."""

    def __init__(self, ttl_seconds: float = CACHE_SECONDS) -> None:
        self.ttl_seconds = ttl_seconds
        self._caches: dict[str, TtlCache] = {}

    def named(self, name: str) -> TtlCache:
        cache = self._caches.get(name)
        if cache is None:
            cache = self._caches[name] = TtlCache(self.ttl_seconds)
        return cache


def caches_of(session: AsyncSession) -> ProcessCaches:
    """The caches of the database ``session`` belongs to (a private set for a bare session)."""
    caches: ProcessCaches | None = session.info.get(SESSION_INFO_KEY)
    if caches is None:
        caches = session.info[SESSION_INFO_KEY] = ProcessCaches()
    return caches


def invalidate_on_commit(session: AsyncSession, name: str) -> None:
    """Drop the cache ``name`` now and again when ``session``'s transaction ends."""
    cache = caches_of(session).named(name)
    cache.invalidate()
    hooks: list[Callable[[], None]] = session.info.setdefault(_ON_END, [])
    hooks.append(cache.invalidate)


def _run_end_hooks(session: Session, *_: Any) -> None:
    for hook in session.info.pop(_ON_END, []):
        hook()


event.listen(Session, "after_commit", _run_end_hooks)
event.listen(Session, "after_soft_rollback", _run_end_hooks)
