from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeclineReason")


@_attrs_define
class DeclineReason:
    """
    Attributes:
        code (str):
        limit (float | list[str] | None):
        message (str):
    """

    code: str
    limit: float | list[str] | None
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        limit: float | list[str] | None
        if isinstance(self.limit, list):
            limit = self.limit

        else:
            limit = self.limit

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "limit": limit,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_limit(data: object) -> float | list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                limit_type_1 = cast(list[str], data)

                return limit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[str] | None, data)

        limit = _parse_limit(d.pop("limit"))

        message = d.pop("message")

        decline_reason = cls(
            code=code,
            limit=limit,
            message=message,
        )

        decline_reason.additional_properties = d
        return decline_reason

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
