"""``StripeGateway``: the only code that calls the Stripe API (PaymentIntents and refunds).

It uses the official ``stripe`` client with the API version pinned, async calls, and an
idempotency key on every write, so a retried call never charges or refunds twice. Answers are
returned as the typed views of ``marketplace.payments.views``. A card decline is not an error
here: the PaymentIntent comes back with ``status="requires_payment_method"`` and
``last_error_code`` set (``card_declined``…). Any other Stripe failure becomes
``PaymentProviderError`` (502 ``payment_provider_error``), whose message says nothing of
Stripe's internals; the Stripe code and request id go to the log.

The same code talks to Stripe (a ``sk_test_``/``sk_live_`` key) or to the embedded
localstripe (``settings.stripe_api_base`` pointing at it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Mapping
from typing import TypeVar

import httpx
import stripe
import structlog
from stripe.params import PaymentIntentCreateParams

from marketplace.config import Settings
from marketplace.errors import MarketplaceError
from marketplace.payments.http import AsyncHttpxClient
from marketplace.payments.views import (
    PaymentIntentView,
    RefundView,
    payment_intent_view,
    refund_view,
)

STRIPE_API_VERSION = "2026-10-28.endive"
"""The Stripe API version every request asks for: the one stripe==16.1.0 is typed against.
Change it only together with the ``stripe`` pin, after reading Stripe's changelog."""
NETWORK_RETRIES = 2
"""Retries of a failed connection or a 409/5xx answer; safe because every write is keyed."""
REQUEST_TIMEOUT_S = 30.0

log = structlog.get_logger("marketplace.payments")
Result = TypeVar("Result")


class PaymentProviderError(MarketplaceError):
    """Stripe refused or failed a call (other than a card decline)."""

    status_code = 502
    code = "payment_provider_error"
    title = "The payment provider failed"

    def __init__(
        self, detail: str, *, stripe_code: str | None = None, stripe_status: int | None = None
    ) -> None:
        super().__init__(detail)
        self.stripe_code = stripe_code
        """Stripe's error code, e.g. ``payment_intent_unexpected_state``."""
        self.stripe_status = stripe_status
        """The HTTP status Stripe answered, None when it could not be reached."""


class PaymentsNotConfigured(MarketplaceError):
    status_code = 503
    code = "payments_not_configured"
    title = "Payments are not configured"


def _provider_error(operation: str, error: stripe.StripeError) -> PaymentProviderError:
    log.warning(
        "stripe.request.failed",
        operation=operation,
        error_type=type(error).__name__,
        stripe_code=error.code,
        http_status=error.http_status,
        stripe_request_id=error.request_id,
    )
    unreachable = isinstance(error, stripe.APIConnectionError)
    detail = (
        "The payment provider could not be reached; try again later"
        if unreachable
        else f"The payment provider refused to {operation.replace('_', ' ')}"
    )
    return PaymentProviderError(detail, stripe_code=error.code, stripe_status=error.http_status)


async def _calling_stripe(
    operation: str, call: Awaitable[Result], *, declines_expected: bool = False
) -> Result:
    """Await a Stripe call; its errors become ``PaymentProviderError`` except a card
    decline when ``declines_expected`` (the caller turns it into a result)."""
    try:
        return await call
    except stripe.StripeError as error:
        if declines_expected and isinstance(error, stripe.CardError):
            raise
        raise _provider_error(operation, error) from error


class StripeGateway:
    """Async Stripe calls for PaymentIntents and refunds. Build one per process with
    ``from_settings`` and ``await close()`` it at shut-down."""

    def __init__(self, client: stripe.StripeClient, http_client: AsyncHttpxClient) -> None:
        self._client = client
        self._http_client = http_client

    @classmethod
    def from_settings(
        cls, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> StripeGateway:
        """A gateway for the configured key (``transport`` replaces the network, for tests)."""
        if settings.stripe_secret_key is None:
            raise PaymentsNotConfigured("No Stripe secret key is configured")
        http = AsyncHttpxClient(REQUEST_TIMEOUT_S, transport=transport)
        client = stripe.StripeClient(
            settings.stripe_secret_key,
            stripe_version=STRIPE_API_VERSION,
            base_addresses=(
                {"api": settings.stripe_api_base} if settings.stripe_api_base else None
            ),
            max_network_retries=NETWORK_RETRIES,
            http_client=http,
        )
        return cls(client, http)

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._http_client.close_async()

    async def create_payment_intent(
        self,
        *,
        amount_minor: int,
        currency: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
        payment_method: str | None = None,
    ) -> PaymentIntentView:
        """Create a card PaymentIntent; with ``payment_method``, confirm it in the same call.

        Premiums are paid by card only. On the pinned API version that is said with
        ``allowed_payment_method_types`` (Stripe refuses ``payment_method_types`` since
        2026-09-30.endive).

        A declined card comes back as a view with status ``requires_payment_method`` and
        ``last_error_code`` (Stripe then also sends ``payment_intent.payment_failed``).
        A card that needs 3-D Secure comes back as ``requires_action``: the payer's front end
        finishes it with the ``client_secret``.
        """
        params: PaymentIntentCreateParams = {
            "amount": amount_minor,
            "currency": currency.lower(),
            "metadata": dict(metadata),
            "allowed_payment_method_types": ["card"],
        }
        if payment_method is not None:
            params["payment_method"] = payment_method
            params["confirm"] = True
        call = self._client.v1.payment_intents.create_async(
            params, {"idempotency_key": idempotency_key}
        )
        try:
            intent = await _calling_stripe("create_payment_intent", call, declines_expected=True)
        except stripe.CardError as declined:
            return await self._declined(declined)
        return payment_intent_view(intent)

    async def retrieve_payment_intent(self, payment_intent_id: str) -> PaymentIntentView:
        """The PaymentIntent as Stripe knows it now (to reconcile a lost or late webhook)."""
        call = self._client.v1.payment_intents.retrieve_async(payment_intent_id)
        return payment_intent_view(await _calling_stripe("retrieve_payment_intent", call))

    async def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str
    ) -> PaymentIntentView:
        """Cancel a PaymentIntent that has not succeeded (Stripe refuses once it has:
        ``PaymentProviderError`` with ``stripe_code="payment_intent_unexpected_state"``)."""
        call = self._client.v1.payment_intents.cancel_async(
            payment_intent_id, options={"idempotency_key": idempotency_key}
        )
        return payment_intent_view(await _calling_stripe("cancel_payment_intent", call))

    async def refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str],
    ) -> RefundView:
        """Refund ``amount_minor`` of a succeeded PaymentIntent (all of it or a part)."""
        call = self._client.v1.refunds.create_async(
            {
                "payment_intent": payment_intent_id,
                "amount": amount_minor,
                "metadata": dict(metadata),
            },
            {"idempotency_key": idempotency_key},
        )
        return refund_view(await _calling_stripe("refund", call))

    async def _declined(self, declined: stripe.CardError) -> PaymentIntentView:
        """The PaymentIntent a card error is about, with the decline recorded on it."""
        error = declined.error
        if error is not None and error.payment_intent is not None:
            intent = payment_intent_view(error.payment_intent)
        elif error is not None and error.charge is not None:
            # localstripe's card errors carry the failed charge but not the PaymentIntent.
            intent = await self._intent_of_charge(error.charge)
        else:
            raise _provider_error("create_payment_intent", declined) from declined
        if intent.last_error_code is None:
            intent = dataclasses.replace(intent, last_error_code=declined.code)
        log.info(
            "stripe.payment_intent.declined",
            payment_intent_id=intent.id,
            error_code=intent.last_error_code,
        )
        return intent

    async def _intent_of_charge(self, charge_id: str) -> PaymentIntentView:
        charge = await _calling_stripe(
            "retrieve_charge", self._client.v1.charges.retrieve_async(charge_id)
        )
        related = charge.payment_intent
        intent_id = related if isinstance(related, str) else getattr(related, "id", None)
        if intent_id is None:
            raise PaymentProviderError("The payment provider refused to create payment intent")
        return await self.retrieve_payment_intent(intent_id)
