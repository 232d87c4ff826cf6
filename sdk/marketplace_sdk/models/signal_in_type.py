from enum import StrEnum


class SignalInType(StrEnum):
    BUREAU_SCORE = "bureau_score"
    INSOLVENCY = "insolvency"
    PAYMENT_DEFAULT = "payment_default"
    RATING_DOWNGRADE = "rating_downgrade"
    RATING_UPGRADE = "rating_upgrade"

    def __str__(self) -> str:
        return str(self.value)
