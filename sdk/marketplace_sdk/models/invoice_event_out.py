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
from ..models.invoice_event_out_type import InvoiceEventOutType
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceEventOut")


@_attrs_define
class InvoiceEventOut:
    """
    Attributes:
        amount (int | None): Paid or credited, in minor units of `currency` (null: none)
        claim (None | str): The claim open on the cover when it was reported (clm_…; then a payment is a recovery)
        cover (str): The cover (cov_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        currency (Currency):
        id (str): The report's id (iev_…)
        insurer_share (int | None): A recovery after approval: the insurer's share (by the cover ratio), in minor units
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        occurred_at (datetime.datetime): When it happened, on the cover's clock (UTC)
        recorded_on (datetime.date): The day it was recorded, on the cover's clock
        recovery (bool): True for a payment made after the claim opened
        seller_share (int | None): A recovery after approval: the seller's share (the rest), in minor units
        type_ (InvoiceEventOutType): What happened
        object_ (Literal['invoice_event'] | Unset): The kind of object: always `invoice_event` Default: 'invoice_event'.
    """

    amount: int | None
    claim: None | str
    cover: str
    created_at: datetime.datetime
    currency: Currency
    id: str
    insurer_share: int | None
    livemode: bool
    occurred_at: datetime.datetime
    recorded_on: datetime.date
    recovery: bool
    seller_share: int | None
    type_: InvoiceEventOutType
    object_: Literal["invoice_event"] | Unset = "invoice_event"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: int | None
        amount = self.amount

        claim: None | str
        claim = self.claim

        cover = self.cover

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        id = self.id

        insurer_share: int | None
        insurer_share = self.insurer_share

        livemode = self.livemode

        occurred_at = self.occurred_at.isoformat()

        recorded_on = self.recorded_on.isoformat()

        recovery = self.recovery

        seller_share: int | None
        seller_share = self.seller_share

        type_ = self.type_.value

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "claim": claim,
                "cover": cover,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "insurer_share": insurer_share,
                "livemode": livemode,
                "occurred_at": occurred_at,
                "recorded_on": recorded_on,
                "recovery": recovery,
                "seller_share": seller_share,
                "type": type_,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_claim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claim = _parse_claim(d.pop("claim"))

        cover = d.pop("cover")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        id = d.pop("id")

        def _parse_insurer_share(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        insurer_share = _parse_insurer_share(d.pop("insurer_share"))

        livemode = d.pop("livemode")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        recorded_on = datetime.date.fromisoformat(d.pop("recorded_on"))

        recovery = d.pop("recovery")

        def _parse_seller_share(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seller_share = _parse_seller_share(d.pop("seller_share"))

        type_ = InvoiceEventOutType(d.pop("type"))

        object_ = cast(Literal["invoice_event"] | Unset, d.pop("object", UNSET))
        if object_ != "invoice_event" and not isinstance(object_, Unset):
            raise ValueError(
                f"object must match const 'invoice_event', got '{object_}'"
            )

        invoice_event_out = cls(
            amount=amount,
            claim=claim,
            cover=cover,
            created_at=created_at,
            currency=currency,
            id=id,
            insurer_share=insurer_share,
            livemode=livemode,
            occurred_at=occurred_at,
            recorded_on=recorded_on,
            recovery=recovery,
            seller_share=seller_share,
            type_=type_,
            object_=object_,
        )

        invoice_event_out.additional_properties = d
        return invoice_event_out

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
