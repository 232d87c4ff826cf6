from enum import StrEnum


class CoverEventType(StrEnum):
    COVER_ACTIVATED = "cover.activated"
    COVER_CANCELLED = "cover.cancelled"
    COVER_CANCELLING = "cover.cancelling"
    COVER_CLAIMED = "cover.claimed"
    COVER_CREATED = "cover.created"
    COVER_DEADLINE_APPROACHING = "cover.deadline_approaching"
    COVER_EXPIRED = "cover.expired"
    COVER_OVERDUE = "cover.overdue"
    COVER_PAYMENT_FAILED = "cover.payment_failed"
    COVER_SETTLED = "cover.settled"
    COVER_TIME_BARRED = "cover.time_barred"
    COVER_UPDATED = "cover.updated"

    def __str__(self) -> str:
        return str(self.value)
