"""How the app holds its one ``StripeGateway``: a lifespan and a handler dependency.

In ``create_app``: ``lifespan=[..., stripe_gateway_lifespan]`` and, on a router,
``dependencies={"stripe_gateway": STRIPE_GATEWAY_DEPENDENCY}``; a handler then takes
``stripe_gateway: PaymentGateway``. Without a Stripe key the app still starts; asking for the
gateway then answers 503 ``payments_not_configured``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide

from marketplace.config import Settings
from marketplace.payments.gateway import PaymentsNotConfigured, StripeGateway

_STATE_KEY = "stripe_gateway"


@asynccontextmanager
async def stripe_gateway_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Open the gateway for the app's settings at start-up, close it at shut-down."""
    settings: Settings = app.state.settings
    gateway = None
    if settings.stripe_secret_key is not None:
        gateway = StripeGateway.from_settings(settings)
    app.state[_STATE_KEY] = gateway
    try:
        yield
    finally:
        if gateway is not None:
            await gateway.close()


def gateway_of(state: State) -> StripeGateway:
    """The app's gateway (``PaymentsNotConfigured`` when no Stripe key is set)."""
    gateway: StripeGateway | None = state.get(_STATE_KEY)
    if gateway is None:
        raise PaymentsNotConfigured("No Stripe secret key is configured")
    return gateway


STRIPE_GATEWAY_DEPENDENCY = Provide(gateway_of, sync_to_thread=False)
PaymentGateway = NamedDependency[StripeGateway]
"""A handler argument ``stripe_gateway: PaymentGateway``: the app's Stripe gateway."""
