from enum import StrEnum


class ListEventsTypeType2Type1(StrEnum):
    COVER = "cover.*"
    COVER_ACTIVATED = "cover.activated"
    COVER_CANCELLED = "cover.cancelled"
    COVER_CANCELLING = "cover.cancelling"
    COVER_CLAIMED = "cover.claimed"
    COVER_CREATED = "cover.created"
    COVER_EXPIRED = "cover.expired"
    COVER_PAYMENT_FAILED = "cover.payment_failed"
    COVER_SETTLED = "cover.settled"
    COVER_UPDATED = "cover.updated"
    VALUE_0 = "*"
    WEBHOOK_ENDPOINT = "webhook_endpoint.*"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"

    def __str__(self) -> str:
        return str(self.value)
