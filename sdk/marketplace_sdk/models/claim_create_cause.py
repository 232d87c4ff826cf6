from enum import StrEnum


class ClaimCreateCause(StrEnum):
    INSOLVENCY = "insolvency"
    PROTRACTED_DEFAULT = "protracted_default"

    def __str__(self) -> str:
        return str(self.value)
