from enum import StrEnum


class ListQuotesStatus(StrEnum):
    BOUND = "bound"
    DECLINED = "declined"
    EXPIRED = "expired"
    QUOTED = "quoted"

    def __str__(self) -> str:
        return str(self.value)
