from enum import StrEnum


class ListEventsType(StrEnum):
    BUYER = "buyer.*"
    BUYER_ALERT = "buyer.alert"
    CLAIM = "claim.*"
    CLAIM_APPROVED = "claim.approved"
    CLAIM_COLLECTION_STARTED = "claim.collection_started"
    CLAIM_DEADLINE_APPROACHING = "claim.deadline_approaching"
    CLAIM_LEGAL_COLLECTION_STARTED = "claim.legal_collection_started"
    CLAIM_ON_HOLD = "claim.on_hold"
    CLAIM_OPENED = "claim.opened"
    CLAIM_PAID = "claim.paid"
    CLAIM_RECOVERED = "claim.recovered"
    CLAIM_RECOVERY_RECORDED = "claim.recovery_recorded"
    CLAIM_REJECTED = "claim.rejected"
    CLAIM_RESUMED = "claim.resumed"
    CLAIM_UPDATED = "claim.updated"
    CLAIM_WITHDRAWN = "claim.withdrawn"
    COVER = "cover.*"
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
    VALUE_0 = "*"
    WEBHOOK_ENDPOINT = "webhook_endpoint.*"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"

    def __str__(self) -> str:
        return str(self.value)
