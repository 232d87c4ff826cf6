from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="LimitChange")


@_attrs_define
class LimitChange:
    """
    Attributes:
        amount (int): The limit now, in minor units (at most the product's buyer capacity)
        currency (Currency):
        insurer (str): The product's insurer (acct_…)
        previous_amount (int): The limit before, in minor units (the product's capacity if none was set)
        product (str): The product (prod_…)
    """

    amount: int
    currency: Currency
    insurer: str
    previous_amount: int
    product: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency.value

        insurer = self.insurer

        previous_amount = self.previous_amount

        product = self.product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "insurer": insurer,
                "previous_amount": previous_amount,
                "product": product,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = Currency(d.pop("currency"))

        insurer = d.pop("insurer")

        previous_amount = d.pop("previous_amount")

        product = d.pop("product")

        limit_change = cls(
            amount=amount,
            currency=currency,
            insurer=insurer,
            previous_amount=previous_amount,
            product=product,
        )

        limit_change.additional_properties = d
        return limit_change

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
