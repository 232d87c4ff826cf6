from enum import StrEnum


class ListCoversStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    CLAIMED = "claimed"
    EXPIRED = "expired"
    OVERDUE = "overdue"
    PAYMENT_FAILED = "payment_failed"
    PENDING_PAYMENT = "pending_payment"
    SETTLED = "settled"
    TIME_BARRED = "time_barred"

    def __str__(self) -> str:
        return str(self.value)
