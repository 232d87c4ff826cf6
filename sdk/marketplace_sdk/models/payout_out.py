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

T = TypeVar("T", bound="PayoutOut")


@_attrs_define
class PayoutOut:
    """
    Attributes:
        amount (int): What was paid, in minor units
        claim (str): The claim (clm_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        currency (Currency):
        id (str): The payout's id (po_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        paid_on (datetime.date): The day it was recorded, on the cover's clock
        reference (str): The insurer's reference for it
        object_ (Literal['payout'] | Unset): The kind of object: always `payout` Default: 'payout'.
    """

    amount: int
    claim: str
    created_at: datetime.datetime
    currency: Currency
    id: str
    livemode: bool
    paid_on: datetime.date
    reference: str
    object_: Literal["payout"] | Unset = "payout"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        claim = self.claim

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        id = self.id

        livemode = self.livemode

        paid_on = self.paid_on.isoformat()

        reference = self.reference

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "claim": claim,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "livemode": livemode,
                "paid_on": paid_on,
                "reference": reference,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        claim = d.pop("claim")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        reference = d.pop("reference")

        object_ = cast(Literal["payout"] | Unset, d.pop("object", UNSET))
        if object_ != "payout" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'payout', got '{object_}'")

        payout_out = cls(
            amount=amount,
            claim=claim,
            created_at=created_at,
            currency=currency,
            id=id,
            livemode=livemode,
            paid_on=paid_on,
            reference=reference,
            object_=object_,
        )

        payout_out.additional_properties = d
        return payout_out

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
