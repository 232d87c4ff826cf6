from enum import StrEnum


class BuyerOutStatus(StrEnum):
    INSOLVENT = "insolvent"
    NORMAL = "normal"
    STOP = "stop"
    WATCH = "watch"

    def __str__(self) -> str:
        return str(self.value)
