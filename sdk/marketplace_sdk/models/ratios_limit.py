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

T = TypeVar("T", bound="RatiosLimit")


@_attrs_define
class RatiosLimit:
    """
    Attributes:
        kind (Literal['ratios']): What this object is, the union's tag: always `ratios`
        ratios (list[float]): Each between 0 and 1.
    """

    kind: Literal["ratios"]
    ratios: list[float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        ratios = self.ratios

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "ratios": ratios,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["ratios"], d.pop("kind"))
        if kind != "ratios":
            raise ValueError(f"kind must match const 'ratios', got '{kind}'")

        ratios = cast(list[float], d.pop("ratios"))

        ratios_limit = cls(
            kind=kind,
            ratios=ratios,
        )

        ratios_limit.additional_properties = d
        return ratios_limit

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
