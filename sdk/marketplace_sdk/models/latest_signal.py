from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.latest_signal_type import LatestSignalType

T = TypeVar("T", bound="LatestSignal")


@_attrs_define
class LatestSignal:
    """
    Attributes:
        bureau_score (int | None): The bureau score (0-100), for type `bureau_score`
        effective_on (datetime.date): When it happened or was published
        id (str): The signal's id (sig_…)
        source (str): Where it comes from
        type_ (LatestSignalType): What happened
    """

    bureau_score: int | None
    effective_on: datetime.date
    id: str
    source: str
    type_: LatestSignalType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bureau_score: int | None
        bureau_score = self.bureau_score

        effective_on = self.effective_on.isoformat()

        id = self.id

        source = self.source

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bureau_score": bureau_score,
                "effective_on": effective_on,
                "id": id,
                "source": source,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bureau_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bureau_score = _parse_bureau_score(d.pop("bureau_score"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        id = d.pop("id")

        source = d.pop("source")

        type_ = LatestSignalType(d.pop("type"))

        latest_signal = cls(
            bureau_score=bureau_score,
            effective_on=effective_on,
            id=id,
            source=source,
            type_=type_,
        )

        latest_signal.additional_properties = d
        return latest_signal

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
