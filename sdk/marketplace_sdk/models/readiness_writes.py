from enum import StrEnum


class ReadinessWrites(StrEnum):
    FAILING = "failing"
    OK = "ok"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
