from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency import Currency

T = TypeVar("T", bound="LimitIn")


@_attrs_define
class LimitIn:
    """
    Attributes:
        amount (int): The most the product may insure on the buyer, in minor units (0: no new cover); above the
            product's buyer capacity it changes nothing
        currency (Currency):
        product (str): One of the insurer's products (prod_…)
    """

    amount: int
    currency: Currency
    product: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency.value

        product = self.product

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "product": product,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = Currency(d.pop("currency"))

        product = d.pop("product")

        limit_in = cls(
            amount=amount,
            currency=currency,
            product=product,
        )

        return limit_in
