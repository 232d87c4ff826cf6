from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyerLimitOut")


@_attrs_define
class BuyerLimitOut:
    """
    Attributes:
        amount (int): The most the product may insure on the buyer, in minor units
        buyer (str): The buyer's id (buy_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        currency (Currency):
        insurer (str): The insurer that set it (acct_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        product (str): The product (prod_…)
        updated_at (datetime.datetime): When it last changed (UTC, ISO 8601)
        object_ (Literal['buyer_limit'] | Unset): The kind of object: always `buyer_limit` Default: 'buyer_limit'.
    """

    amount: int
    buyer: str
    created_at: datetime.datetime
    currency: Currency
    insurer: str
    livemode: bool
    product: str
    updated_at: datetime.datetime
    object_: Literal["buyer_limit"] | Unset = "buyer_limit"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        buyer = self.buyer

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        insurer = self.insurer

        livemode = self.livemode

        product = self.product

        updated_at = self.updated_at.isoformat()

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "buyer": buyer,
                "created_at": created_at,
                "currency": currency,
                "insurer": insurer,
                "livemode": livemode,
                "product": product,
                "updated_at": updated_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        buyer = d.pop("buyer")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        insurer = d.pop("insurer")

        livemode = d.pop("livemode")

        product = d.pop("product")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        object_ = cast(Literal["buyer_limit"] | Unset, d.pop("object", UNSET))
        if object_ != "buyer_limit" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'buyer_limit', got '{object_}'")

        buyer_limit_out = cls(
            amount=amount,
            buyer=buyer,
            created_at=created_at,
            currency=currency,
            insurer=insurer,
            livemode=livemode,
            product=product,
            updated_at=updated_at,
            object_=object_,
        )

        buyer_limit_out.additional_properties = d
        return buyer_limit_out

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
