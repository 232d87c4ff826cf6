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

T = TypeVar("T", bound="RatioLimit")


@_attrs_define
class RatioLimit:
    """
    Attributes:
        kind (Literal['ratio']): What this object is, the union's tag: always `ratio`
        ratio (float): Between 0 and 1 (0.06 is 6 %).
    """

    kind: Literal["ratio"]
    ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        ratio = self.ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "ratio": ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["ratio"], d.pop("kind"))
        if kind != "ratio":
            raise ValueError(f"kind must match const 'ratio', got '{kind}'")

        ratio = d.pop("ratio")

        ratio_limit = cls(
            kind=kind,
            ratio=ratio,
        )

        ratio_limit.additional_properties = d
        return ratio_limit

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
