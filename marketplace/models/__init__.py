"""Every table, imported here so that one metadata knows them all."""

from marketplace.models.accounts import Account, ApiKey
from marketplace.models.base import Base
from marketplace.models.idempotency import IdempotencyRecord

__all__ = ["Account", "ApiKey", "Base", "IdempotencyRecord"]
