"""Binding an offer and paying its premium: the one conversation with Stripe a bind has.

Each step commits before the next talks to Stripe, so money never moves without a committed
record of who may move it, and a lost answer never charges twice:

1. ``service.reserve_or_resume``: the cover exists in ``pending_payment`` with the exposure
   reserved and this request holding the payment's lease (or, when a previous attempt got no
   answer, that cover is taken up again).
2. Create the PaymentIntent, without confirming it (no money moves), and store its id.
3. Confirm it with the payment method: the only call that charges. Stripe refuses to confirm a
   PaymentIntent twice, so a retry can only charge once.
4. Record Stripe's answer (``payment_state.apply_intent``): active, failed, or still waiting
   for the payer (3-D Secure, or no payment method given: the front end confirms with the
   ``client_secret``). The webhook and the reconciling job converge on the same row.

A refusal by Stripe (nothing charged) fails the cover and frees its capacity at once. No
answer from Stripe keeps the cover pending with ``payment.status`` ``unknown`` and answers 502
``payment_outcome_unknown``: the same bind again resumes this cover (it reads the PaymentIntent
back, confirms only if nothing was charged), and the reconciling job settles it from Stripe's
state if nobody retries.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from marketplace.covers import changes, lifecycle, payment_state, repository, service
from marketplace.covers.schemas import CoverCreate
from marketplace.db import Database
from marketplace.errors import MarketplaceError
from marketplace.kit import metadata
from marketplace.kit.tenancy import Principal
from marketplace.models.covers import Cover
from marketplace.payments.gateway import (
    PaymentMethodRejected,
    PaymentProviderError,
    PaymentsNotConfigured,
    StripeGateway,
)
from marketplace.payments.views import PaymentIntentView

PAYMENT_LEASE = timedelta(minutes=2)
"""How long a bind may talk to Stripe before others may take its cover's payment up."""
UNKNOWN = "unknown"
log = structlog.get_logger("marketplace.covers.bind")


async def bind(
    database: Database,
    gateway: StripeGateway,
    principal: Principal,
    data: CoverCreate,
    now: datetime,
) -> Cover:
    """Bind ``data.offer`` of ``data.quote`` and ask Stripe for the premium (see the module
    docstring); the cover as it stands after Stripe's answer."""
    kept_metadata = metadata.kept(data.metadata)
    if gateway.livemode != principal.livemode:
        mode = "live" if principal.livemode else "test"
        raise PaymentsNotConfigured(f"This marketplace takes no {mode}-mode payments")
    async with database.writer_session() as session:
        cover = await service.reserve_or_resume(
            session,
            principal,
            data.quote,
            data.offer,
            metadata=kept_metadata,
            now=now,
            lease_until=now + PAYMENT_LEASE,
        )
        await session.commit()
    try:
        intent = await _pay(database, gateway, cover, data.payment_method)
    except (PaymentProviderError, PaymentMethodRejected) as error:
        raise await _failed(database, cover, error, now) from error
    return await _record(database, cover, intent, now)


async def _pay(
    database: Database, gateway: StripeGateway, cover: Cover, payment_method: str | None
) -> PaymentIntentView:
    attach = payment_method
    if cover.payment_intent_id is None:
        intent = await gateway.create_payment_intent(
            amount_minor=cover.premium_minor,
            currency=cover.currency,
            metadata={"cover_id": cover.id, "quote_id": cover.quote_id},
            idempotency_key=f"{cover.id}_premium",
            payment_method=payment_method,
        )
        await _store_intent(database, cover, intent)
        attach = None  # given at creation
    else:
        intent = await gateway.retrieve_payment_intent(cover.payment_intent_id)
    chargeable = intent.status in ("requires_confirmation", "requires_payment_method")
    if payment_method is None or not chargeable or intent.last_error_code is not None:
        return intent  # nothing to charge, or an attempt already failed: record that
    return await gateway.confirm_payment_intent(
        intent.id, idempotency_key=f"{cover.id}_confirm_{payment_method}", payment_method=attach
    )


async def _store_intent(database: Database, cover: Cover, intent: PaymentIntentView) -> None:
    """Step 2: the PaymentIntent's id is ours before anything can charge it."""
    async with database.writer_session() as session:
        stored = await changes.move(
            session,
            cover,
            ("pending_payment",),
            payment_intent_id=intent.id,
            payment_client_secret=intent.client_secret,
            payment_status=intent.status,
        )
        await session.commit()
    if not stored:  # our lease ran out and someone else changed the cover: charge nothing
        raise service.PaymentInProgress(f"Cover {cover.id} changed while it was being paid")


async def _record(
    database: Database, cover: Cover, intent: PaymentIntentView, now: datetime
) -> Cover:
    """Step 4: the cover follows Stripe's answer, and the payment's lease is given back."""
    async with database.writer_session() as session:
        fresh = await repository.reload(session, cover)
        outcome = await payment_state.apply_intent(session, fresh, intent, now)
        await repository.give_back_payment_lease(session, fresh)
        await session.commit()
    log.info("cover.bound", cover_id=cover.id, outcome=outcome, payment_status=intent.status)
    return fresh


async def _failed(
    database: Database,
    cover: Cover,
    error: PaymentProviderError | PaymentMethodRejected,
    now: datetime,
) -> MarketplaceError:
    """Write down what a failed Stripe call means for the cover; the error to answer."""
    unknown = isinstance(error, PaymentProviderError) and error.outcome_unknown
    async with database.writer_session() as session:
        fresh = await repository.reload(session, cover)
        if unknown:
            await changes.move(session, fresh, ("pending_payment",), payment_status=UNKNOWN)
            await repository.give_back_payment_lease(session, fresh)
        else:
            code = getattr(error, "stripe_code", None) or error.code
            await lifecycle.fail_payment(session, fresh, fresh.payment_status, code, now)
        await session.commit()
    log.warning("cover.bind.stripe_failed", cover_id=cover.id, outcome_unknown=unknown)
    if not unknown:
        return error
    return service.PaymentOutcomeUnknown(
        f"Stripe did not answer; the premium of cover {cover.id} may or may not have been"
        " charged. Send the same bind again: it resumes this cover and never charges twice;"
        " the cover's payment.status tells the outcome meanwhile",
        param="quote",
    )
