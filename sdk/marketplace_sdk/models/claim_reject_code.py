from enum import StrEnum


class ClaimRejectCode(StrEnum):
    DISPUTE = "dispute"
    EXCLUSION = "exclusion"
    FRAUD = "fraud"
    LATE_DECLARATION = "late_declaration"

    def __str__(self) -> str:
        return str(self.value)
