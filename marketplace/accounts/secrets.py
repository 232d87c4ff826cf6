"""API key secrets: ``mk_test_`` or ``mk_live_`` plus 32 random base62 characters.

Only the SHA-256 of a secret is stored. The secret is high-entropy random, so a fast hash is
the right tool (a slow password hash would buy nothing and cost every request).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import string

SECRET_RANDOM_LENGTH = 32
_ALPHABET = string.digits + string.ascii_letters
_SECRET_PATTERN = re.compile(rf"^mk_(test|live)_[0-9A-Za-z]{{{SECRET_RANDOM_LENGTH}}}$")


def secret_prefix(livemode: bool) -> str:
    return "mk_live_" if livemode else "mk_test_"


def generate_secret(livemode: bool) -> str:
    random_part = "".join(secrets.choice(_ALPHABET) for _ in range(SECRET_RANDOM_LENGTH))
    return secret_prefix(livemode) + random_part


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def is_well_formed(secret: str) -> bool:
    return _SECRET_PATTERN.match(secret) is not None
