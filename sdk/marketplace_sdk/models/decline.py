from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counter_offer import CounterOffer
    from ..models.decline_reason import DeclineReason


T = TypeVar("T", bound="Decline")


@_attrs_define
class Decline:
    """
    Attributes:
        counter_offer (CounterOffer | None): What the product would consider instead, where it can say
        insurer (str): The product's insurer (acct_…)
        product (str): The product declining (prod_…)
        product_version (int): The version of the product's terms applied
        reasons (list[DeclineReason]): Every rule the request broke
        cover_ratio (float | None | Unset): The cover ratio declined (a fraction of the invoice amount): with several
            `cover_ratios` asked, a product answers each with an offer or a decline. Null on quotes made before declines
            named their ratio.
    """

    counter_offer: CounterOffer | None
    insurer: str
    product: str
    product_version: int
    reasons: list[DeclineReason]
    cover_ratio: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.counter_offer import CounterOffer  # noqa: PLC0415

        counter_offer: dict[str, Any] | None
        if isinstance(self.counter_offer, CounterOffer):
            counter_offer = self.counter_offer.to_dict()
        else:
            counter_offer = self.counter_offer

        insurer = self.insurer

        product = self.product

        product_version = self.product_version

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        cover_ratio: float | None | Unset
        if isinstance(self.cover_ratio, Unset):
            cover_ratio = UNSET
        else:
            cover_ratio = self.cover_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counter_offer": counter_offer,
                "insurer": insurer,
                "product": product,
                "product_version": product_version,
                "reasons": reasons,
            }
        )
        if cover_ratio is not UNSET:
            field_dict["cover_ratio"] = cover_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counter_offer import CounterOffer  # noqa: PLC0415
        from ..models.decline_reason import DeclineReason  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_counter_offer(data: object) -> CounterOffer | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counter_offer_type_0 = CounterOffer.from_dict(data)

                return counter_offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CounterOffer | None, data)

        counter_offer = _parse_counter_offer(d.pop("counter_offer"))

        insurer = d.pop("insurer")

        product = d.pop("product")

        product_version = d.pop("product_version")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = DeclineReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        def _parse_cover_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cover_ratio = _parse_cover_ratio(d.pop("cover_ratio", UNSET))

        decline = cls(
            counter_offer=counter_offer,
            insurer=insurer,
            product=product,
            product_version=product_version,
            reasons=reasons,
            cover_ratio=cover_ratio,
        )

        decline.additional_properties = d
        return decline

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
