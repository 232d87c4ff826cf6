from enum import StrEnum


class QuoteOutStatus(StrEnum):
    BOUND = "bound"
    DECLINED = "declined"
    EXPIRED = "expired"
    QUOTED = "quoted"

    def __str__(self) -> str:
        return str(self.value)
