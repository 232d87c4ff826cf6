from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AcceptedLimit")


@_attrs_define
class AcceptedLimit:
    """
    Attributes:
        kind (Literal['accepted']): What this object is, the union's tag: always `accepted`
        values (list[str]): As sent in a quote, e.g. FR, C.
    """

    kind: Literal["accepted"]
    values: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["accepted"], d.pop("kind"))
        if kind != "accepted":
            raise ValueError(f"kind must match const 'accepted', got '{kind}'")

        values = cast(list[str], d.pop("values"))

        accepted_limit = cls(
            kind=kind,
            values=values,
        )

        accepted_limit.additional_properties = d
        return accepted_limit

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
