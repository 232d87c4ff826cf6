"""Stripe: the gateway that creates and refunds PaymentIntents, the signed webhook endpoint with
its inbox and handler registry, and the embedded localstripe used when no Stripe key is set."""
