from enum import StrEnum


class InvoiceEventCreateType(StrEnum):
    INVOICE_CREDIT_NOTE = "invoice.credit_note"
    INVOICE_DISPUTED = "invoice.disputed"
    INVOICE_DISPUTE_RESOLVED = "invoice.dispute_resolved"
    INVOICE_OVERDUE = "invoice.overdue"
    INVOICE_PAID = "invoice.paid"

    def __str__(self) -> str:
        return str(self.value)
