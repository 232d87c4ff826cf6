from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency import Currency
from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrencyTerms")


@_attrs_define
class CurrencyTerms:
    """
    Attributes:
        amount_max (int): The largest invoice amount insured, in minor units
        amount_min (int): The smallest invoice amount insured, in minor units
        buyer_capacity (int): The most this product insures on one buyer at a time (the sum of the insured amounts of
            its covers holding exposure), in minor units
        currency (Currency):
        fixed_fee (int | Unset): Added to every premium, in minor units Default: 0.
        minimum_premium (int | Unset): The smallest premium charged, in minor units (never below the smallest card
            payment in the currency) Default: 0.
    """

    amount_max: int
    amount_min: int
    buyer_capacity: int
    currency: Currency
    fixed_fee: int | Unset = 0
    minimum_premium: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        amount_max = self.amount_max

        amount_min = self.amount_min

        buyer_capacity = self.buyer_capacity

        currency = self.currency.value

        fixed_fee = self.fixed_fee

        minimum_premium = self.minimum_premium

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_max": amount_max,
                "amount_min": amount_min,
                "buyer_capacity": buyer_capacity,
                "currency": currency,
            }
        )
        if fixed_fee is not UNSET:
            field_dict["fixed_fee"] = fixed_fee
        if minimum_premium is not UNSET:
            field_dict["minimum_premium"] = minimum_premium

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_max = d.pop("amount_max")

        amount_min = d.pop("amount_min")

        buyer_capacity = d.pop("buyer_capacity")

        currency = Currency(d.pop("currency"))

        fixed_fee = d.pop("fixed_fee", UNSET)

        minimum_premium = d.pop("minimum_premium", UNSET)

        currency_terms = cls(
            amount_max=amount_max,
            amount_min=amount_min,
            buyer_capacity=buyer_capacity,
            currency=currency,
            fixed_fee=fixed_fee,
            minimum_premium=minimum_premium,
        )

        return currency_terms
