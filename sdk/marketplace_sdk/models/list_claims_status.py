from enum import StrEnum


class ListClaimsStatus(StrEnum):
    APPROVED = "approved"
    COLLECTION_AMICABLE = "collection_amicable"
    COLLECTION_LEGAL = "collection_legal"
    ON_HOLD = "on_hold"
    OPEN = "open"
    PAID = "paid"
    RECOVERED = "recovered"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
