"""Covers test set-up: Stripe faults and the embedded Stripe's books (see
``tests/payments/stripe_fixtures.py``)."""

from tests.payments.stripe_fixtures import ledger, lose_stripe_answers, stripe_refuses

__all__ = ["ledger", "lose_stripe_answers", "stripe_refuses"]
