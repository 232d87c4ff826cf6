from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.signal_in_type import SignalInType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SignalIn")


@_attrs_define
class SignalIn:
    """
    Attributes:
        effective_on (datetime.date): When it happened or was published (not in the future)
        source (str): Where it comes from (a court, a bureau, a ledger)
        type_ (SignalInType): What happened: `insolvency`, `payment_default`, `rating_downgrade`, `rating_upgrade` or a
            new `bureau_score`; each moves the buyer's status by the monitoring table
        bureau_score (int | None | Unset): The score (0-100): for, and only for, type bureau_score
    """

    effective_on: datetime.date
    source: str
    type_: SignalInType
    bureau_score: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_on = self.effective_on.isoformat()

        source = self.source

        type_ = self.type_.value

        bureau_score: int | None | Unset
        if isinstance(self.bureau_score, Unset):
            bureau_score = UNSET
        else:
            bureau_score = self.bureau_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_on": effective_on,
                "source": source,
                "type": type_,
            }
        )
        if bureau_score is not UNSET:
            field_dict["bureau_score"] = bureau_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        source = d.pop("source")

        type_ = SignalInType(d.pop("type"))

        def _parse_bureau_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bureau_score = _parse_bureau_score(d.pop("bureau_score", UNSET))

        signal_in = cls(
            effective_on=effective_on,
            source=source,
            type_=type_,
            bureau_score=bureau_score,
        )

        return signal_in
