"""Views of Stripe objects and events built from Stripe's documented shapes, and the registry."""

from __future__ import annotations

import dataclasses

import pytest
import stripe

from marketplace.payments import registry
from marketplace.payments.views import charge_view, payment_intent_view
from marketplace.payments.webhooks import parse_event
from tests.fixtures.stripe_payloads import (
    body_of,
    event,
    payment_intent,
    refunded_charge,
    three_d_secure_required,
)


def test_a_stripe_payment_intent_object_is_read_into_the_view():
    values = payment_intent(
        "requires_payment_method",
        amount=125_000,
        currency="usd",
        metadata={"cover_id": "cov_9", "quote_id": "quo_9"},
        last_payment_error={
            "type": "card_error",
            "code": "card_declined",
            "decline_code": "insufficient_funds",
            "message": "Your card has insufficient funds.",
        },
    )
    intent = stripe.PaymentIntent.construct_from(values, "sk_test_x")

    view = payment_intent_view(intent)

    assert (view.id, view.status, view.amount_minor, view.currency) == (
        values["id"],
        "requires_payment_method",
        125_000,
        "USD",
    )
    assert view.metadata == {"cover_id": "cov_9", "quote_id": "quo_9"}
    assert view.last_error_code == "card_declined"
    assert not view.succeeded


def test_a_3d_secure_intent_reads_as_requires_action():
    view = payment_intent_view(stripe.PaymentIntent.construct_from(three_d_secure_required(), None))

    assert view.status == "requires_action"
    assert view.client_secret is not None


def test_a_refunded_charge_gives_the_running_refunded_total():
    charge = refunded_charge(amount=4219, refunded=1000)
    stripe_event = parse_event(body_of(event("charge.refunded", charge)))

    refunded = charge_view(stripe.Charge.construct_from(charge, None))

    assert refunded.id == charge["id"]
    assert refunded.payment_intent_id == charge["payment_intent"]
    assert (refunded.amount_minor, refunded.amount_refunded_minor) == (4219, 1000)
    assert not refunded.refunded
    assert refunded.currency == "EUR"
    assert stripe_event.object_id == charge["id"]


def test_an_expanded_payment_intent_on_a_charge_is_read_as_its_id():
    charge = refunded_charge(payment_intent=payment_intent("succeeded", id="pi_expanded"))

    assert (
        charge_view(stripe.Charge.construct_from(charge, None)).payment_intent_id == "pi_expanded"
    )


def test_an_event_is_read_with_its_envelope():
    values = event(
        "payment_intent.succeeded", payment_intent(), livemode=True, created=1_790_000_000
    )

    stripe_event = parse_event(body_of(values))

    assert (stripe_event.id, stripe_event.type, stripe_event.livemode) == (
        values["id"],
        "payment_intent.succeeded",
        True,
    )
    assert stripe_event.created.isoformat() == "2026-09-21T14:13:20+00:00"
    assert stripe_event.api_version == values["api_version"]
    assert (stripe_event.object_id, stripe_event.object_type) == (
        values["data"]["object"]["id"],
        "payment_intent",
    )
    assert stripe_event.problem is None


def test_an_events_body_is_never_read_as_the_object_itself():
    """Only the object read back from Stripe (``refresh``) is handed to handlers."""
    stripe_event = parse_event(body_of(event("payment_intent.succeeded", payment_intent())))

    with pytest.raises(ValueError, match="read back from Stripe"):
        stripe_event.payment_intent()
    with pytest.raises(ValueError, match="read back from Stripe"):
        dataclasses.replace(stripe_event, current=payment_intent_view(payment_intent())).charge()


def test_a_payment_intent_read_back_carries_mode_and_collected_amount():
    values = payment_intent("succeeded", amount=5000, amount_received=4000, livemode=True)

    view = payment_intent_view(stripe.PaymentIntent.construct_from(values, None))

    assert (view.livemode, view.amount_minor, view.collected_minor) == (True, 5000, 4000)
    assert view.latest_charge_id == values["latest_charge"]


@pytest.mark.parametrize(
    ("charge", "held"),
    [
        ({"amount": 5000, "amount_captured": 5000, "amount_refunded": 0, "captured": True}, 5000),
        ({"amount": 5000, "amount_captured": 1, "amount_refunded": 0, "captured": True}, 1),
        ({"amount": 5000, "amount_captured": 5000, "amount_refunded": 1200}, 3800),
        ({"amount": 5000, "amount_captured": 5000, "amount_refunded": 5000}, 0),
        ({"amount": 5000, "captured": True, "amount_refunded": 0}, 5000),
        ({"amount": 5000, "captured": False}, 0),
    ],
)
def test_what_an_expanded_charge_still_holds_is_what_counts(charge, held):
    """A partial capture or a refund made anywhere lowers what the PaymentIntent holds,
    whatever its ``amount`` and ``amount_received`` say (Stripe's charge object:
    https://docs.stripe.com/api/charges/object)."""
    values = payment_intent("succeeded", amount=5000, amount_received=5000)
    values["latest_charge"] = {"id": "ch_1", "object": "charge", **charge}

    view = payment_intent_view(stripe.PaymentIntent.construct_from(values, None))

    assert (view.latest_charge_id, view.collected_minor) == ("ch_1", held)


def test_only_allowlisted_types_can_have_a_handler(monkeypatch):
    monkeypatch.setattr(registry, "HANDLERS", {})

    with pytest.raises(ValueError, match="not an event type"):
        registry.register("customer.created")


def test_a_type_has_one_handler(monkeypatch):
    monkeypatch.setattr(registry, "HANDLERS", {})

    async def first(session, stripe_event):
        return None

    async def second(session, stripe_event):
        return None

    registry.register("charge.refunded")(first)
    registry.register("charge.refunded")(first)  # importing twice is harmless
    with pytest.raises(ValueError, match="already has a handler"):
        registry.register("charge.refunded")(second)
    assert registry.handler_for("charge.refunded") is first
