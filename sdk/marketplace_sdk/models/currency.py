from enum import StrEnum


class Currency(StrEnum):
    CHF = "CHF"
    CZK = "CZK"
    DKK = "DKK"
    EUR = "EUR"
    GBP = "GBP"
    NOK = "NOK"
    PLN = "PLN"
    RON = "RON"
    SEK = "SEK"
    USD = "USD"

    def __str__(self) -> str:
        return str(self.value)
