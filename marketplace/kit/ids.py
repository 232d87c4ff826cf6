"""Prefixed, time-ordered identifiers (``quo_01jd…``).

An id is a prefix, an underscore and 26 characters of Crockford base32 (lower case): 48 bits
of milliseconds since the epoch, then 80 random bits. Ids sort in creation order as plain
strings under any collation (digits and lower-case letters only, fixed length), which is what
lets the id double as the pagination cursor. Within one process, ids made in the same
millisecond still increase (the random part is incremented).
"""

from __future__ import annotations

import secrets
import threading
import time

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
BODY_LENGTH = 26
RANDOM_BITS = 80

PREFIXES = {
    "account": "acct",
    "api_key": "key",
    "request": "req",
    "idempotency": "idem",
    "product": "prod",
    "buyer": "buy",
    "quote": "quo",
    "offer": "off",
    "cover": "cov",
    "claim": "clm",
    "payout": "po",
    "refund": "rfd",
    "invoice_event": "iev",
    "buyer_signal": "sig",
    "event": "evt",
    "webhook_endpoint": "we",
    "webhook_delivery": "whd",
    "webhook_attempt": "wha",
}

_lock = threading.Lock()
_last_millis = 0
_last_random = 0


def _encode(number: int) -> str:
    chars = []
    for _ in range(BODY_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _next_parts() -> tuple[int, int]:
    global _last_millis, _last_random
    with _lock:
        millis = time.time_ns() // 1_000_000
        if millis <= _last_millis:
            millis = _last_millis
            random_part = (_last_random + 1) % (1 << RANDOM_BITS)
        else:
            random_part = secrets.randbits(RANDOM_BITS)
        _last_millis, _last_random = millis, random_part
        return millis, random_part


def new_id(kind: str) -> str:
    """A new id for an object of ``kind`` (a key of ``PREFIXES``)."""
    millis, random_part = _next_parts()
    return f"{PREFIXES[kind]}_{_encode((millis << RANDOM_BITS) | random_part)}"


def id_pattern(kind: str) -> str:
    """A regular expression matching ids of ``kind``, for request schemas."""
    return rf"^{PREFIXES[kind]}_[{ALPHABET}]{{{BODY_LENGTH}}}$"
