"""``StripeGateway``: the only code that calls the Stripe API (PaymentIntents, charges, refunds).

It uses the official ``stripe`` client with the API version pinned, async calls, and an
idempotency key on every write. Answers are returned as the typed views of
``marketplace.payments.views``. A card decline is not an error here: the PaymentIntent comes
back with ``status="requires_payment_method"`` and ``last_error_code`` set (``card_declined``…).
Any other Stripe failure becomes ``PaymentProviderError`` (502 ``payment_provider_error``),
whose message says nothing of Stripe's internals; the Stripe code and request id go to the log.
``PaymentProviderError.outcome_unknown`` tells a refusal (nothing happened) from a failure
after which the write may or may not have happened (no answer, or a 5xx).

Writes are never retried here: Stripe's idempotency keys hold for 24 hours only and the
embedded Stripe ignores them, so a write whose answer was lost is settled by the callers from
their own committed state (read the object back, then decide), never by sending it again
blindly. Reads are retried.

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
from stripe import RequestOptions
from stripe.params import PaymentIntentCreateParams

from marketplace.config import Settings
from marketplace.errors import MarketplaceError
from marketplace.payments.http import AsyncHttpxClient
from marketplace.payments.views import (
    ChargeView,
    PaymentIntentView,
    RefundView,
    charge_view,
    payment_intent_view,
    refund_view,
)

STRIPE_API_VERSION = "2026-10-28.endive"
"""The Stripe API version every request asks for: the one stripe==16.1.0 is typed against.
Change it only together with the ``stripe`` pin, after reading Stripe's changelog."""
READ_RETRIES = 2
"""Retries of a read whose connection failed or that got a 409/5xx answer."""
WRITE_OPTIONS: RequestOptions = {"max_network_retries": 0}
REQUEST_TIMEOUT_S = 15.0
"""How long one call may wait for Stripe: a request that talks to Stripe twice (a bind, a
cancel) answers within about half a minute even when Stripe does not answer at all."""
LIST_PAGE_SIZE = 100

log = structlog.get_logger("marketplace.payments")
Result = TypeVar("Result")


class PaymentProviderError(MarketplaceError):
    """Stripe refused or failed a call (other than a card decline)."""

    status_code = 502
    code = "payment_provider_error"
    title = "The payment provider failed"

    def __init__(
        self,
        detail: str,
        *,
        stripe_code: str | None = None,
        stripe_status: int | None = None,
        stripe_param: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.stripe_code = stripe_code
        """Stripe's error code, e.g. ``payment_intent_unexpected_state``."""
        self.stripe_status = stripe_status
        """The HTTP status Stripe answered, None when it could not be reached."""
        self.stripe_param = stripe_param
        """The parameter Stripe says is at fault (``payment_method``), when it says one."""

    @property
    def outcome_unknown(self) -> bool:
        """True when Stripe may have done what was asked (no answer came, or a 5xx)."""
        return self.stripe_status is None or self.stripe_status >= 500


class PaymentMethodRejected(MarketplaceError):
    """Stripe does not know the payment method given (retrying it can never work): a 422 with
    ``param: "payment_method"``, as a mistake in the request is; a card Stripe knows but
    declines is no error but a result (the cover answers ``payment_failed``)."""

    status_code = 422
    code = "payment_method_invalid"
    title = "The payment method was refused"


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
    param = getattr(error.error, "param", None) if error.error is not None else None
    return PaymentProviderError(
        detail,
        stripe_code=error.code,
        stripe_status=error.http_status,
        stripe_param=param if isinstance(param, str) else None,
    )


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
    """Async Stripe calls for PaymentIntents, charges and refunds. Build one per process with
    ``from_settings`` and ``await close()`` it at shut-down."""

    def __init__(
        self, client: stripe.StripeClient, http_client: AsyncHttpxClient, livemode: bool
    ) -> None:
        self._client = client
        self._http_client = http_client
        self.livemode = livemode
        """Whether the key is a live one: objects of the other mode are not ours to touch."""

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
            max_network_retries=READ_RETRIES,
            http_client=http,
        )
        livemode = settings.stripe_secret_key.startswith(("sk_live_", "rk_live_"))
        return cls(client, http, livemode)

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
        """Create a card PaymentIntent, never confirmed here: no money moves at creation, so a
        lost answer costs nothing. ``payment_method`` is attached for ``confirm_payment_intent``.

        Premiums are paid by card only. On the pinned API version that is said with
        ``allowed_payment_method_types`` (Stripe refuses ``payment_method_types`` since
        2026-09-30.endive). An unknown ``payment_method`` raises ``PaymentMethodRejected``.
        """
        params: PaymentIntentCreateParams = {
            "amount": amount_minor,
            "currency": currency.lower(),
            "metadata": dict(metadata),
            "allowed_payment_method_types": ["card"],
        }
        if payment_method is not None:
            params["payment_method"] = payment_method
        call = self._client.v1.payment_intents.create_async(
            params, {"idempotency_key": idempotency_key, **WRITE_OPTIONS}
        )
        try:
            return payment_intent_view(await _calling_stripe("create_payment_intent", call))
        except PaymentProviderError as error:
            raise _method_rejected(error, payment_method) from error

    async def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, payment_method: str | None = None
    ) -> PaymentIntentView:
        """Charge the PaymentIntent (with ``payment_method`` attached first, when given).

        A declined card comes back as a view with status ``requires_payment_method`` and
        ``last_error_code`` (Stripe then also sends ``payment_intent.payment_failed``).
        A card that needs 3-D Secure comes back as ``requires_action``: the payer's front end
        finishes it with the ``client_secret``. Stripe refuses to confirm a PaymentIntent that
        already succeeded, so a confirmation can never charge twice.
        """
        if payment_method is not None:
            update = self._client.v1.payment_intents.update_async(
                payment_intent_id, {"payment_method": payment_method}, WRITE_OPTIONS
            )
            try:
                await _calling_stripe("update_payment_intent", update)
            except PaymentProviderError as error:
                raise _method_rejected(error, payment_method) from error
        call = self._client.v1.payment_intents.confirm_async(
            payment_intent_id,
            {"expand": ["latest_charge"]},
            {"idempotency_key": idempotency_key, **WRITE_OPTIONS},
        )
        try:
            intent = await _calling_stripe("confirm_payment_intent", call, declines_expected=True)
        except stripe.CardError as declined:
            return await self._declined(payment_intent_id, declined)
        except PaymentProviderError as error:  # the method attached may be unknown to Stripe
            raise _method_rejected(error, payment_method) from error
        return payment_intent_view(intent)

    async def retrieve_payment_intent(
        self, payment_intent_id: str, *, retries: int = READ_RETRIES
    ) -> PaymentIntentView:
        """The PaymentIntent as Stripe knows it now, with what its charge still holds
        (``retries``: how often a failed read is tried again)."""
        call = self._client.v1.payment_intents.retrieve_async(
            payment_intent_id,
            {"expand": ["latest_charge"]},
            {"max_network_retries": retries},
        )
        return payment_intent_view(await _calling_stripe("retrieve_payment_intent", call))

    async def retrieve_charge(self, charge_id: str) -> ChargeView:
        """The charge as Stripe knows it now."""
        call = self._client.v1.charges.retrieve_async(charge_id)
        return charge_view(await _calling_stripe("retrieve_charge", call))

    async def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str
    ) -> PaymentIntentView:
        """Cancel a PaymentIntent that has not succeeded (Stripe refuses once it has, with a
        4xx ``PaymentProviderError``: read the PaymentIntent back to see why)."""
        call = self._client.v1.payment_intents.cancel_async(
            payment_intent_id, options={"idempotency_key": idempotency_key, **WRITE_OPTIONS}
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
            {"idempotency_key": idempotency_key, **WRITE_OPTIONS},
        )
        return refund_view(await _calling_stripe("refund", call))

    async def refunds_of(
        self, payment_intent_id: str, *, retries: int = READ_RETRIES
    ) -> list[RefundView]:
        """The refunds Stripe made of a PaymentIntent (the most recent hundred)."""
        call = self._client.v1.refunds.list_async(
            {"payment_intent": payment_intent_id, "limit": LIST_PAGE_SIZE},
            {"max_network_retries": retries},
        )
        found = await _calling_stripe("list_refunds", call)
        return [refund_view(refund) for refund in found.data]

    async def _declined(
        self, payment_intent_id: str, declined: stripe.CardError
    ) -> PaymentIntentView:
        """The PaymentIntent a card error is about, with the decline recorded on it."""
        error = declined.error
        if error is not None and error.payment_intent is not None:
            intent = payment_intent_view(error.payment_intent)
        else:  # localstripe's card errors carry the failed charge but not the PaymentIntent
            intent = await self.retrieve_payment_intent(payment_intent_id)
        if intent.last_error_code is None:
            intent = dataclasses.replace(intent, last_error_code=declined.code)
        log.info(
            "stripe.payment_intent.declined",
            payment_intent_id=intent.id,
            error_code=intent.last_error_code,
        )
        return intent


def _method_rejected(error: PaymentProviderError, payment_method: str | None) -> MarketplaceError:
    """Stripe's "no such payment method" (``resource_missing``, 400 or 404, about the
    ``payment_method`` parameter when Stripe names one) as the client's own mistake: a 422,
    not a 502 that invites retries that can never work. Another missing object (the
    PaymentIntent itself, ``param: "intent"``) stays the provider's error."""
    missing = error.stripe_status == 404 or error.stripe_code == "resource_missing"
    about_the_method = error.stripe_param in (None, "payment_method")
    if payment_method is None or not (missing and about_the_method):
        return error
    return PaymentMethodRejected(
        f"Stripe does not know the payment method {payment_method}", param="payment_method"
    )
