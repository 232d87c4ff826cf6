"""What the embedded Stripe (localstripe) holds, read straight from its API, so tests count
the money that really moved: PaymentIntents paid and refunds made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

EVERYTHING = 1_000_000
"""localstripe's list ``limit`` has no ceiling: one page holds every object."""


@dataclass(frozen=True)
class StripeLedger:
    api_base: str
    secret_key: str

    async def _list(self, path: str, **params: Any) -> list[dict[str, Any]]:
        headers = {"Authorization": f"Bearer {self.secret_key}"}
        async with httpx.AsyncClient(base_url=self.api_base, headers=headers) as client:
            response = await client.get(path, params={"limit": EVERYTHING, **params})
            response.raise_for_status()
            return list(response.json()["data"])

    async def paid_intents_naming(self, cover_id: str) -> list[dict[str, Any]]:
        """The succeeded PaymentIntents whose metadata names ``cover_id``."""
        return [
            intent
            for intent in await self._list("/v1/payment_intents")
            if (intent.get("metadata") or {}).get("cover_id") == cover_id
            and intent["status"] == "succeeded"
        ]

    async def refunds_of(self, payment_intent_id: str) -> list[dict[str, Any]]:
        """Every refund Stripe made of this PaymentIntent."""
        return [
            refund
            for refund in await self._list("/v1/refunds")
            if refund.get("payment_intent") == payment_intent_id
        ]

    async def tamper(self, payment_intent_id: str, **params: Any) -> None:
        """Change a PaymentIntent behind the API's back, as anyone who can reach the embedded
        Stripe (or holds the Stripe key) could."""
        headers = {"Authorization": f"Bearer {self.secret_key}"}
        async with httpx.AsyncClient(base_url=self.api_base, headers=headers) as client:
            response = await client.post(f"/v1/payment_intents/{payment_intent_id}", data=params)
            response.raise_for_status()
