"""What Stripe's payment events do to covers (registered with the webhook endpoint).

The endpoint has read the event's object back from Stripe before these run, so each handler
acts on the PaymentIntent (or charge) as it is now, never on the body: a duplicate, a replay,
an event arriving late or a crafted body changes nothing it should not. Every
``payment_intent.*`` event therefore does the same thing: the cover the PaymentIntent pays
follows it (``payment_state.on_intent``).
"""

from __future__ import annotations

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import lifecycle, payment_state, repository
from marketplace.kit.clock import utc_now
from marketplace.payments.registry import register
from marketplace.payments.views import StripeEventView

log = structlog.get_logger("marketplace.covers")


async def payment_intent_changed(session: AsyncSession, event: StripeEventView) -> None:
    intent = event.payment_intent()
    outcome = await payment_state.on_intent(session, intent, utc_now())
    log.info(
        "cover.payment_event", payment_intent_id=intent.id, status=intent.status, outcome=outcome
    )


for _event_type in (
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
):
    register(_event_type)(payment_intent_changed)


@register("charge.refunded")
async def premium_refunded(session: AsyncSession, event: StripeEventView) -> None:
    """A refund made anywhere (here, or in Stripe's dashboard): the cover shows the total,
    and an active cover whose whole premium went back ends (``lifecycle.end_refunded``)."""
    charge = event.charge()
    if charge.payment_intent_id is None:
        return
    cover = await repository.by_payment_intent(session, charge.livemode, charge.payment_intent_id)
    if cover is None or charge.currency != cover.currency:
        return
    await lifecycle.record_refunded(session, cover, charge.amount_refunded_minor)
    if charge.amount_refunded_minor >= cover.premium_minor and cover.status == "active":
        ended = await lifecycle.end_refunded(session, cover, utc_now())
        log.warning("cover.premium_refunded_elsewhere", cover_id=cover.id, ended=ended)
