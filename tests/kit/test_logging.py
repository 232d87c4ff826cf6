"""Secrets never reach the log: anything shaped like a key is masked wherever it appears."""

from __future__ import annotations

import pytest

from marketplace.kit.logging import _mask_secrets


@pytest.mark.parametrize(
    "secret",
    [
        "mk_test_" + "A1" * 16,
        "mk_live_" + "b2" * 16,
        "sk_test_localstripe_embedded",
        "sk_live_" + "c3" * 12,
        "rk_test_" + "d4" * 12,
        "whsec_" + "e5" * 16,
    ],
)
def test_secrets_are_masked_in_every_field(secret):
    event = {"event": "x", "detail": f"calling with {secret} now", "count": 3}
    masked = _mask_secrets(None, "info", event)
    assert secret not in masked["detail"]
    assert "[redacted]" in masked["detail"]
    assert masked["count"] == 3


def test_ordinary_words_are_left_alone():
    event = {"event": "stripe.webhook.duplicate", "note": "task_done skipped"}
    assert _mask_secrets(None, "info", dict(event)) == event
