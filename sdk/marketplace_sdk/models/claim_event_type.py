from enum import StrEnum


class ClaimEventType(StrEnum):
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

    def __str__(self) -> str:
        return str(self.value)
