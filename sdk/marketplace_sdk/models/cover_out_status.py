from enum import StrEnum


class CoverOutStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    CLAIMED = "claimed"
    EXPIRED = "expired"
    PAYMENT_FAILED = "payment_failed"
    PENDING_PAYMENT = "pending_payment"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
