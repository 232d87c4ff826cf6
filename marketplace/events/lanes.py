"""How much a worker holds and sends at once, so that one slow endpoint never holds up others.

A worker sends at most ``concurrency`` requests at once, and at most ``per_endpoint`` to any
one endpoint. It claims up to ``PREFETCH`` times that (the next ones wait, leased, behind
their own endpoint's gate), and claims nothing more for an endpoint whose lane is full: a
slow endpoint fills its own lane and no more, and the others' deliveries pass it by.
"""

from __future__ import annotations

import asyncio
from collections import Counter

PREFETCH = 2


class Lanes:
    """A worker's lanes: what it holds per endpoint, and the gates its attempts pass."""

    def __init__(self, concurrency: int, per_endpoint: int) -> None:
        self.concurrency = concurrency
        self.per_endpoint = min(per_endpoint, concurrency)
        self._sending = asyncio.Semaphore(concurrency)
        self._gates: dict[str, asyncio.Semaphore] = {}
        self._held: Counter[str] = Counter()

    @property
    def held(self) -> int:
        """Deliveries claimed and not finished yet."""
        return self._held.total()

    def room(self) -> int:
        """How many more deliveries may be claimed in all."""
        return max(0, self.concurrency * PREFETCH - self.held)

    def room_for(self, endpoint_id: str) -> int:
        """How many more deliveries to ``endpoint_id`` may be claimed."""
        return max(0, self.per_endpoint * PREFETCH - self._held[endpoint_id])

    def full(self) -> list[str]:
        """The endpoints whose lane is full (claim nothing more for them)."""
        return [endpoint_id for endpoint_id in self._held if self.room_for(endpoint_id) == 0]

    def hold(self, endpoint_id: str) -> None:
        self._held[endpoint_id] += 1
        if endpoint_id not in self._gates:
            self._gates[endpoint_id] = asyncio.Semaphore(self.per_endpoint)

    def release(self, endpoint_id: str) -> None:
        self._held[endpoint_id] -= 1
        if self._held[endpoint_id] <= 0:  # nobody waits at its gate any more
            del self._held[endpoint_id]
            del self._gates[endpoint_id]

    async def enter(self, endpoint_id: str) -> None:
        """Wait for a place in the endpoint's lane, then for a place in all; hold both until
        ``leave``."""
        gate = self._gates[endpoint_id]
        await gate.acquire()
        try:
            await self._sending.acquire()
        except BaseException:
            gate.release()
            raise

    def leave(self, endpoint_id: str) -> None:
        self._sending.release()
        self._gates[endpoint_id].release()
