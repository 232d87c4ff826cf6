from enum import StrEnum


class ReadinessMigrations(StrEnum):
    AT_HEAD = "at_head"
    BEHIND = "behind"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
