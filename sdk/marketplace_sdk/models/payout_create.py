from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PayoutCreate")


@_attrs_define
class PayoutCreate:
    """
    Attributes:
        amount (int): What was paid, in minor units of the claim's currency (at most the indemnity left to pay)
        reference (str): The insurer's own reference for the transfer (printable ASCII, 1-100); one payout per reference
            and claim
    """

    amount: int
    reference: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        reference = d.pop("reference")

        payout_create = cls(
            amount=amount,
            reference=reference,
        )

        return payout_create
