from enum import StrEnum


class ListAccountsRoleType3Type1(StrEnum):
    INSURER = "insurer"
    OPERATOR = "operator"
    PLATFORM = "platform"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
