from enum import StrEnum


class BuyerEventType(StrEnum):
    BUYER_ALERT = "buyer.alert"

    def __str__(self) -> str:
        return str(self.value)
