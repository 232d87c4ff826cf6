from enum import StrEnum


class ClaimOutHoldReasonType1(StrEnum):
    DISPUTE = "dispute"
    INSURER = "insurer"

    def __str__(self) -> str:
        return str(self.value)
