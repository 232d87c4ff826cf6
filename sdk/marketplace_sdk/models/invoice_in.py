from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency import Currency

T = TypeVar("T", bound="InvoiceIn")


@_attrs_define
class InvoiceIn:
    """
    Attributes:
        amount (int): The amount invoiced, in minor units of `currency` (1250000 is EUR 12,500.00); a JSON integer,
            never a string or a float
        currency (Currency):
        due_date (datetime.date): The day it falls due (ISO 8601): after the issue date and after today
        issue_date (datetime.date): The day it was issued (ISO 8601; at most 30 days ahead)
        number (str): The seller's invoice number: a letter or digit at least, no control characters.
    """

    amount: int
    currency: Currency
    due_date: datetime.date
    issue_date: datetime.date
    number: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency.value

        due_date = self.due_date.isoformat()

        issue_date = self.issue_date.isoformat()

        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "due_date": due_date,
                "issue_date": issue_date,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = Currency(d.pop("currency"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        number = d.pop("number")

        invoice_in = cls(
            amount=amount,
            currency=currency,
            due_date=due_date,
            issue_date=issue_date,
            number=number,
        )

        return invoice_in
