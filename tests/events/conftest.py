"""Events test set-up: the embedded Stripe's books and faults, as for covers."""

from tests.payments.stripe_fixtures import ledger, lose_stripe_answers, stripe_refuses

__all__ = ["ledger", "lose_stripe_answers", "stripe_refuses"]
