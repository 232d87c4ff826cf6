"""Events out: every change recorded in its own transaction, delivered as signed webhooks."""
