from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CounterOffer")


@_attrs_define
class CounterOffer:
    """
    Attributes:
        max_insured_amount (int | None): The insured amount that invoice would get, in minor units (null: as above)
        max_invoice_amount (int | None): The largest invoice amount the product would insure, in minor units of the
            quote's `currency` (null: the amount is not the issue)
        max_tenor_days (int | None): The longest tenor (issue to due date) accepted, in days (null: the tenor is not the
            issue)
        message (str): A sentence for people
    """

    max_insured_amount: int | None
    max_invoice_amount: int | None
    max_tenor_days: int | None
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_insured_amount: int | None
        max_insured_amount = self.max_insured_amount

        max_invoice_amount: int | None
        max_invoice_amount = self.max_invoice_amount

        max_tenor_days: int | None
        max_tenor_days = self.max_tenor_days

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_insured_amount": max_insured_amount,
                "max_invoice_amount": max_invoice_amount,
                "max_tenor_days": max_tenor_days,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_max_insured_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_insured_amount = _parse_max_insured_amount(d.pop("max_insured_amount"))

        def _parse_max_invoice_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_invoice_amount = _parse_max_invoice_amount(d.pop("max_invoice_amount"))

        def _parse_max_tenor_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_tenor_days = _parse_max_tenor_days(d.pop("max_tenor_days"))

        message = d.pop("message")

        counter_offer = cls(
            max_insured_amount=max_insured_amount,
            max_invoice_amount=max_invoice_amount,
            max_tenor_days=max_tenor_days,
            message=message,
        )

        counter_offer.additional_properties = d
        return counter_offer

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
