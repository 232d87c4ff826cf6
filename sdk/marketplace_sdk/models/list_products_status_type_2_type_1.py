from enum import StrEnum


class ListProductsStatusType2Type1(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
