from enum import StrEnum


class ClaimOutHoldReasonType3Type1(StrEnum):
    DISPUTE = "dispute"
    INSURER = "insurer"

    def __str__(self) -> str:
        return str(self.value)
