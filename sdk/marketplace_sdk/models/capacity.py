from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="Capacity")


@_attrs_define
class Capacity:
    """
    Attributes:
        available (int): What the product can still insure on this buyer, marketplace-wide, in minor units (0 while the
            buyer is `stop` or `insolvent`)
        currency (Currency):
        exposure (int): Insured amount of the covers holding exposure that the caller may see (its own, its sellers'; an
            insurer's on this product; all for the operator), in minor units
        insurer (str): The product's insurer (acct_…)
        insurer_limit (int | None): The insurer's own limit on this buyer, in minor units, if it set one
        limit (int): The product's capacity on one buyer, capped by the insurer's limit, in minor units of `currency`
        product (str): The product (prod_…)
    """

    available: int
    currency: Currency
    exposure: int
    insurer: str
    insurer_limit: int | None
    limit: int
    product: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        currency = self.currency.value

        exposure = self.exposure

        insurer = self.insurer

        insurer_limit: int | None
        insurer_limit = self.insurer_limit

        limit = self.limit

        product = self.product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "currency": currency,
                "exposure": exposure,
                "insurer": insurer,
                "insurer_limit": insurer_limit,
                "limit": limit,
                "product": product,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        currency = Currency(d.pop("currency"))

        exposure = d.pop("exposure")

        insurer = d.pop("insurer")

        def _parse_insurer_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        insurer_limit = _parse_insurer_limit(d.pop("insurer_limit"))

        limit = d.pop("limit")

        product = d.pop("product")

        capacity = cls(
            available=available,
            currency=currency,
            exposure=exposure,
            insurer=insurer,
            insurer_limit=insurer_limit,
            limit=limit,
            product=product,
        )

        capacity.additional_properties = d
        return capacity

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
