from enum import StrEnum


class ListAccountsRole(StrEnum):
    INSURER = "insurer"
    OPERATOR = "operator"
    PLATFORM = "platform"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
