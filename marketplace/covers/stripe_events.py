"""What Stripe's payment events do to covers (registered with the webhook endpoint).

Each handler decides from the PaymentIntent in the event and the cover's current status, so a
duplicate, a replay or an event arriving late changes nothing it should not: a
``payment_failed`` after the cover is active is ignored, a ``succeeded`` after a failure
re-activates or refunds (see ``lifecycle``). PaymentIntents that pay no cover are ignored.
"""

from __future__ import annotations

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import lifecycle, repository
from marketplace.kit.clock import utc_now
from marketplace.models.covers import Cover
from marketplace.payments.registry import register
from marketplace.payments.views import PaymentIntentView, StripeEventView

log = structlog.get_logger("marketplace.covers")


async def _cover_paid_by(
    session: AsyncSession, event: StripeEventView, intent: PaymentIntentView
) -> Cover | None:
    cover = await repository.by_payment_intent(
        session, event.livemode, intent.id, intent.metadata.get("cover_id")
    )
    if cover is None:
        log.info("stripe.event.no_cover", event_id=event.id, payment_intent_id=intent.id)
    return cover


@register("payment_intent.succeeded")
async def premium_paid(session: AsyncSession, event: StripeEventView) -> None:
    intent = event.payment_intent()
    cover = await _cover_paid_by(session, event, intent)
    if cover is not None:
        outcome = await lifecycle.activate(session, cover, intent, utc_now())
        log.info("cover.payment.succeeded", cover_id=cover.id, outcome=outcome)


async def _payment_did_not_happen(session: AsyncSession, event: StripeEventView) -> None:
    intent = event.payment_intent()
    cover = await _cover_paid_by(session, event, intent)
    if cover is not None:
        failed = await lifecycle.fail_payment(session, cover, intent, utc_now())
        log.info(
            "cover.payment.failed", cover_id=cover.id, changed=failed, code=intent.last_error_code
        )


register("payment_intent.payment_failed")(_payment_did_not_happen)
register("payment_intent.canceled")(_payment_did_not_happen)


@register("charge.refunded")
async def premium_refunded(session: AsyncSession, event: StripeEventView) -> None:
    charge = event.charge()
    if charge.payment_intent_id is None:
        return
    cover = await repository.by_payment_intent(
        session, event.livemode, charge.payment_intent_id, None
    )
    if cover is None or charge.amount_refunded_minor <= cover.refunded_minor:
        return
    await repository.move(
        session,
        cover,
        tuple({cover.status}),
        refunded_minor=charge.amount_refunded_minor,
        updated_at=utc_now(),
    )
