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

T = TypeVar("T", bound="ExcludedLimit")


@_attrs_define
class ExcludedLimit:
    """
    Attributes:
        kind (Literal['excluded']): What this object is, the union's tag: always `excluded`
        values (list[str]): As sent in a quote, e.g. RU, K.
    """

    kind: Literal["excluded"]
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
        kind = cast(Literal["excluded"], d.pop("kind"))
        if kind != "excluded":
            raise ValueError(f"kind must match const 'excluded', got '{kind}'")

        values = cast(list[str], d.pop("values"))

        excluded_limit = cls(
            kind=kind,
            values=values,
        )

        excluded_limit.additional_properties = d
        return excluded_limit

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
