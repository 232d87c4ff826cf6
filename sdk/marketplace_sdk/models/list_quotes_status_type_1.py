from enum import StrEnum


class ListQuotesStatusType1(StrEnum):
    BOUND = "bound"
    DECLINED = "declined"
    EXPIRED = "expired"
    QUOTED = "quoted"

    def __str__(self) -> str:
        return str(self.value)
