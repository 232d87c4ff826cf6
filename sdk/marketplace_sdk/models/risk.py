from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reason import Reason


T = TypeVar("T", bound="Risk")


@_attrs_define
class Risk:
    """
    Attributes:
        grade (str): The probability as a grade, A (safest) to E
        probability_of_default (float): The probability that the buyer does not pay this invoice (still unpaid 90 days
            past due, or insolvent): a ratio from 0 to 1 (0.0345 is 3.45 %)
        reasons (list[Reason]): The features that pushed the risk up, strongest first
    """

    grade: str
    probability_of_default: float
    reasons: list[Reason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        probability_of_default = self.probability_of_default

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "probability_of_default": probability_of_default,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        grade = d.pop("grade")

        probability_of_default = d.pop("probability_of_default")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        risk = cls(
            grade=grade,
            probability_of_default=probability_of_default,
            reasons=reasons,
        )

        risk.additional_properties = d
        return risk

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
