from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Recoveries")


@_attrs_define
class Recoveries:
    """
    Attributes:
        before_approval (int): Of `total`, paid before approval: it reduces the indemnity
        credit_notes (int): Credit notes issued since the declaration: they reduce the indemnity too
        insurer_share (int): Of the recoveries after approval: the insurer's share (by the cover ratio)
        seller_share (int): Of the recoveries after approval: the seller's share
        total (int): Paid by the buyer since the invoice was declared overdue (an insolvency: since the claim opened)
    """

    before_approval: int
    credit_notes: int
    insurer_share: int
    seller_share: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        before_approval = self.before_approval

        credit_notes = self.credit_notes

        insurer_share = self.insurer_share

        seller_share = self.seller_share

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "before_approval": before_approval,
                "credit_notes": credit_notes,
                "insurer_share": insurer_share,
                "seller_share": seller_share,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        before_approval = d.pop("before_approval")

        credit_notes = d.pop("credit_notes")

        insurer_share = d.pop("insurer_share")

        seller_share = d.pop("seller_share")

        total = d.pop("total")

        recoveries = cls(
            before_approval=before_approval,
            credit_notes=credit_notes,
            insurer_share=insurer_share,
            seller_share=seller_share,
            total=total,
        )

        recoveries.additional_properties = d
        return recoveries

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
