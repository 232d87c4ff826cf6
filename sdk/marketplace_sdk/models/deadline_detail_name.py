from enum import StrEnum


class DeadlineDetailName(StrEnum):
    CLAIMABLE_FROM = "claimable_from"
    INDEMNITY_DUE_BY = "indemnity_due_by"
    OVERDUE_DECLARATION_BY = "overdue_declaration_by"
    WAITING_PERIOD_ENDS_ON = "waiting_period_ends_on"

    def __str__(self) -> str:
        return str(self.value)
