from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Reason")


@_attrs_define
class Reason:
    """
    Attributes:
        code (str): Stable code of the reason (`payment_incidents`, `days_beyond_terms`, `sector_risk`…)
        feature (str): The model feature behind it
        impact (float): The feature's contribution to the model's log-odds (positive: riskier)
        message (str): A sentence for people
    """

    code: str
    feature: str
    impact: float
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        feature = self.feature

        impact = self.impact

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "feature": feature,
                "impact": impact,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        feature = d.pop("feature")

        impact = d.pop("impact")

        message = d.pop("message")

        reason = cls(
            code=code,
            feature=feature,
            impact=impact,
            message=message,
        )

        reason.additional_properties = d
        return reason

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
