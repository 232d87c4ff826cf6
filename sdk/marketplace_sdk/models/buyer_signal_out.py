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

from ..models.buyer_signal_out_status_after import BuyerSignalOutStatusAfter
from ..models.buyer_signal_out_status_before import BuyerSignalOutStatusBefore
from ..models.buyer_signal_out_type import BuyerSignalOutType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyerSignalOut")


@_attrs_define
class BuyerSignalOut:
    """
    Attributes:
        bureau_score (int | None): The bureau score (0-100), for type `bureau_score`
        buyer (str): The buyer's id (buy_…)
        created_at (datetime.datetime): When it was recorded (UTC)
        effective_on (datetime.date): When it happened or was published
        id (str): The signal's id (sig_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        source (str): Where it comes from
        status_after (BuyerSignalOutStatusAfter): The buyer's status after this signal
        status_before (BuyerSignalOutStatusBefore): The buyer's status before this signal
        type_ (BuyerSignalOutType): What happened
        object_ (Literal['buyer_signal'] | Unset): The kind of object: always `buyer_signal` Default: 'buyer_signal'.
    """

    bureau_score: int | None
    buyer: str
    created_at: datetime.datetime
    effective_on: datetime.date
    id: str
    livemode: bool
    source: str
    status_after: BuyerSignalOutStatusAfter
    status_before: BuyerSignalOutStatusBefore
    type_: BuyerSignalOutType
    object_: Literal["buyer_signal"] | Unset = "buyer_signal"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bureau_score: int | None
        bureau_score = self.bureau_score

        buyer = self.buyer

        created_at = self.created_at.isoformat()

        effective_on = self.effective_on.isoformat()

        id = self.id

        livemode = self.livemode

        source = self.source

        status_after = self.status_after.value

        status_before = self.status_before.value

        type_ = self.type_.value

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bureau_score": bureau_score,
                "buyer": buyer,
                "created_at": created_at,
                "effective_on": effective_on,
                "id": id,
                "livemode": livemode,
                "source": source,
                "status_after": status_after,
                "status_before": status_before,
                "type": type_,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bureau_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bureau_score = _parse_bureau_score(d.pop("bureau_score"))

        buyer = d.pop("buyer")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        source = d.pop("source")

        status_after = BuyerSignalOutStatusAfter(d.pop("status_after"))

        status_before = BuyerSignalOutStatusBefore(d.pop("status_before"))

        type_ = BuyerSignalOutType(d.pop("type"))

        object_ = cast(Literal["buyer_signal"] | Unset, d.pop("object", UNSET))
        if object_ != "buyer_signal" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'buyer_signal', got '{object_}'")

        buyer_signal_out = cls(
            bureau_score=bureau_score,
            buyer=buyer,
            created_at=created_at,
            effective_on=effective_on,
            id=id,
            livemode=livemode,
            source=source,
            status_after=status_after,
            status_before=status_before,
            type_=type_,
            object_=object_,
        )

        buyer_signal_out.additional_properties = d
        return buyer_signal_out

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
