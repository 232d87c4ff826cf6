from enum import StrEnum


class ListProductsStatusType3Type1(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
