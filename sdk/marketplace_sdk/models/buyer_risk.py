from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BuyerRisk")


@_attrs_define
class BuyerRisk:
    """
    Attributes:
        grade (None | str): The probability as a grade, A (safest) to E
        model_version (None | str): The model that scored it (`uw-…`)
        probability_of_default (float | None): The probability that the buyer does not pay: a ratio from 0 to 1 (0.0345
            is 3.45 %); null when never scored
        scored_at (datetime.datetime | None): When it was scored (UTC)
    """

    grade: None | str
    model_version: None | str
    probability_of_default: float | None
    scored_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade: None | str
        grade = self.grade

        model_version: None | str
        model_version = self.model_version

        probability_of_default: float | None
        probability_of_default = self.probability_of_default

        scored_at: None | str
        if isinstance(self.scored_at, datetime.datetime):
            scored_at = self.scored_at.isoformat()
        else:
            scored_at = self.scored_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "model_version": model_version,
                "probability_of_default": probability_of_default,
                "scored_at": scored_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_model_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_version = _parse_model_version(d.pop("model_version"))

        def _parse_probability_of_default(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        probability_of_default = _parse_probability_of_default(
            d.pop("probability_of_default")
        )

        def _parse_scored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scored_at_type_0 = datetime.datetime.fromisoformat(data)

                return scored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scored_at = _parse_scored_at(d.pop("scored_at"))

        buyer_risk = cls(
            grade=grade,
            model_version=model_version,
            probability_of_default=probability_of_default,
            scored_at=scored_at,
        )

        buyer_risk.additional_properties = d
        return buyer_risk

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
