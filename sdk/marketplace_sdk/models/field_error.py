from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldError")


@_attrs_define
class FieldError:
    """
    Attributes:
        message (str): What is wrong, for people
        param (str): Where: a dotted path (`invoice.amount`, `cover_ratios[1]`), a query parameter or header name; empty
            for the body as a whole
        code (str | Unset): Stable code of what is wrong: `unknown_field`, `missing_field`, `wrong_type`, `too_small`,
            `too_large`, `too_short`, `too_long`, `pattern_mismatch`, `invalid_choice`, `invalid_format`, `nul_character`,
            `unknown_parameter`, `missing_parameter`, `missing_body`, a rule's own code, or `invalid_value` Default:
            'invalid_value'.
    """

    message: str
    param: str
    code: str | Unset = "invalid_value"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        param = self.param

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "param": param,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        param = d.pop("param")

        code = d.pop("code", UNSET)

        field_error = cls(
            message=message,
            param=param,
            code=code,
        )

        field_error.additional_properties = d
        return field_error

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
