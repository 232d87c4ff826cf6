from enum import StrEnum


class RejectionCode(StrEnum):
    DISPUTE = "dispute"
    EXCLUSION = "exclusion"
    FRAUD = "fraud"
    LATE_DECLARATION = "late_declaration"

    def __str__(self) -> str:
        return str(self.value)
