"""The gateway against a real localstripe process (the embedded mode's Stripe)."""

from __future__ import annotations

import secrets

import pytest

from marketplace.payments.gateway import PaymentProviderError


def key() -> str:
    return f"test_{secrets.token_hex(8)}"


async def charged(gateway, amount_minor: int, card: str, metadata=None):
    """Create a PaymentIntent with the card, then confirm it: the two steps of a bind."""
    created = await gateway.create_payment_intent(
        amount_minor=amount_minor,
        currency="EUR",
        metadata=metadata or {},
        idempotency_key=key(),
        payment_method=card,
    )
    assert created.status == "requires_confirmation"
    return await gateway.confirm_payment_intent(created.id, idempotency_key=key())


async def test_a_visa_card_pays_once_confirmed(gateway):
    intent = await charged(gateway, 4219, "pm_card_visa", {"cover_id": "cov_visa"})

    assert intent.status == "succeeded"
    assert intent.succeeded
    assert (intent.amount_minor, intent.currency) == (4219, "EUR")
    assert intent.metadata == {"cover_id": "cov_visa"}
    assert intent.client_secret is not None
    assert intent.client_secret.startswith(f"{intent.id}_secret_")
    assert intent.last_error_code is None


async def test_a_declined_card_comes_back_as_a_failed_intent(gateway):
    intent = await charged(
        gateway, 5000, "pm_card_chargeCustomerFail", {"cover_id": "cov_declined"}
    )

    assert intent.id.startswith("pi_")
    assert intent.status == "requires_payment_method"
    assert intent.last_error_code == "card_declined"
    assert intent.metadata == {"cover_id": "cov_declined"}
    again = await gateway.retrieve_payment_intent(intent.id)
    assert (again.status, again.last_error_code) == ("requires_payment_method", "card_declined")


async def test_without_a_payment_method_the_intent_waits_for_the_payer(gateway):
    intent = await gateway.create_payment_intent(
        amount_minor=1200, currency="EUR", metadata={}, idempotency_key=key()
    )

    assert intent.status == "requires_payment_method"
    assert intent.client_secret is not None
    assert intent.last_error_code is None


async def test_retrieve_gives_the_current_state(gateway):
    created = await gateway.create_payment_intent(
        amount_minor=700, currency="EUR", metadata={"cover_id": "cov_r"}, idempotency_key=key()
    )
    canceled = await gateway.cancel_payment_intent(created.id, idempotency_key=key())

    found = await gateway.retrieve_payment_intent(created.id)

    assert canceled.status == "canceled"
    assert found == canceled


async def test_a_paid_intent_cannot_be_canceled_or_charged_again(gateway):
    paid = await charged(gateway, 900, "pm_card_visa")

    with pytest.raises(PaymentProviderError) as again:
        await gateway.confirm_payment_intent(paid.id, idempotency_key=key())
    assert (again.value.stripe_status, again.value.outcome_unknown) == (400, False)

    with pytest.raises(PaymentProviderError) as refused:
        await gateway.cancel_payment_intent(paid.id, idempotency_key=key())

    assert refused.value.status_code == 502
    assert refused.value.code == "payment_provider_error"
    assert refused.value.stripe_status == 400
    assert (await gateway.retrieve_payment_intent(paid.id)).status == "succeeded"


async def test_a_paid_intent_is_refunded_and_its_refunds_listed(gateway):
    paid = await charged(gateway, 10_000, "pm_card_visa", {"cover_id": "cov_refund"})

    part = await gateway.refund(
        payment_intent_id=paid.id,
        amount_minor=2_500,
        idempotency_key=key(),
        metadata={"refund_id": "rfd_part"},
    )

    assert part.id.startswith("re_")
    assert (part.status, part.amount_minor, part.currency) == ("succeeded", 2_500, "EUR")
    assert part.payment_intent_id == paid.id
    [listed] = await gateway.refunds_of(paid.id)
    assert (listed.id, listed.metadata) == (part.id, {"refund_id": "rfd_part"})


async def test_a_failed_payment_cannot_be_refunded(gateway):
    declined = await charged(gateway, 3000, "pm_card_chargeCustomerFail")

    with pytest.raises(PaymentProviderError) as refused:
        await gateway.refund(
            payment_intent_id=declined.id, amount_minor=3000, idempotency_key=key(), metadata={}
        )

    assert refused.value.stripe_status == 400
    assert "Cannot refund" not in refused.value.detail


async def test_an_unknown_intent_is_a_provider_error(gateway):
    with pytest.raises(PaymentProviderError) as refused:
        await gateway.retrieve_payment_intent("pi_doesnotexist")

    assert refused.value.stripe_status == 404
