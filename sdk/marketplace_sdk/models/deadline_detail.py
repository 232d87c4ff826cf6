from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deadline_detail_name import DeadlineDetailName

T = TypeVar("T", bound="DeadlineDetail")


@_attrs_define
class DeadlineDetail:
    """
    Attributes:
        date (str): The deadline's date (ISO 8601), 7 days or less ahead on the object's clock
        name (DeadlineDetailName): Which of the object's `deadlines` it is
    """

    date: str
    name: DeadlineDetailName
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        name = self.name.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        name = DeadlineDetailName(d.pop("name"))

        deadline_detail = cls(
            date=date,
            name=name,
        )

        deadline_detail.additional_properties = d
        return deadline_detail

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
