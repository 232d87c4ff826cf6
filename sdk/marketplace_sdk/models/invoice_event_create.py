from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.invoice_event_create_type import InvoiceEventCreateType
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceEventCreate")


@_attrs_define
class InvoiceEventCreate:
    """
    Attributes:
        type_ (InvoiceEventCreateType): What happened: `invoice.paid` (the buyer paid `amount`), `invoice.overdue` (the
            declaration of an unpaid invoice), `invoice.disputed`, `invoice.dispute_resolved`, `invoice.credit_note` (what
            is owed goes down by `amount`)
        amount (int | None | Unset): In minor units of the cover's currency: required for `invoice.paid` and
            `invoice.credit_note`, refused for the other types
        occurred_at (datetime.datetime | None | Unset): When it happened, with its offset (default: now on the cover's
            clock); never in the clock's future, nor before the cover was bound
    """

    type_: InvoiceEventCreateType
    amount: int | None | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = InvoiceEventCreateType(d.pop("type"))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        invoice_event_create = cls(
            type_=type_,
            amount=amount,
            occurred_at=occurred_at,
        )

        return invoice_event_create
