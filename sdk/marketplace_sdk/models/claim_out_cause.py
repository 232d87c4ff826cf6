from enum import StrEnum


class ClaimOutCause(StrEnum):
    INSOLVENCY = "insolvency"
    PROTRACTED_DEFAULT = "protracted_default"

    def __str__(self) -> str:
        return str(self.value)
