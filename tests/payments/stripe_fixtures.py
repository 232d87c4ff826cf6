"""Stripe as tests need it: the app's gateway swapped for one whose answers get lost or
refused, and the embedded Stripe's own books. Imported by the conftests that use them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from marketplace.payments.gateway import StripeGateway
from tests.payments.faults import DropAnswers, RefuseRequests
from tests.payments.ledger import StripeLedger

Install = Callable[[Callable[[httpx.Request], bool], int], DropAnswers]


@pytest.fixture
async def lose_stripe_answers(running_app, settings, monkeypatch) -> AsyncIterator[Install]:
    """``lose(rule, times)``: from now on the app talks to Stripe through a connection that
    loses the answers of the first ``times`` requests ``rule`` picks (Stripe still acts)."""
    opened: list[StripeGateway] = []

    def lose(rule: Callable[[httpx.Request], bool], times: int = 1) -> DropAnswers:
        transport = DropAnswers(rule, times)
        faulty = StripeGateway.from_settings(settings, transport=transport)
        opened.append(faulty)
        monkeypatch.setitem(running_app.state, "stripe_gateway", faulty)
        return transport

    yield lose
    for faulty in opened:
        await faulty.close()


@pytest.fixture
async def stripe_refuses(running_app, settings, monkeypatch) -> AsyncIterator[Any]:
    """``refuse(rule, code)``: from now on Stripe refuses the requests ``rule`` picks."""
    opened: list[StripeGateway] = []

    def refuse(rule: Callable[[httpx.Request], bool], code: str) -> None:
        faulty = StripeGateway.from_settings(settings, transport=RefuseRequests(rule, code))
        opened.append(faulty)
        monkeypatch.setitem(running_app.state, "stripe_gateway", faulty)

    yield refuse
    for faulty in opened:
        await faulty.close()


@pytest.fixture
def ledger(settings) -> StripeLedger:
    """The embedded Stripe's own books (PaymentIntents paid, refunds made)."""
    return StripeLedger(settings.stripe_api_base, settings.stripe_secret_key)
