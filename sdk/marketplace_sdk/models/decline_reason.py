from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.accepted_limit import AcceptedLimit
    from ..models.amount_limit import AmountLimit
    from ..models.days_limit import DaysLimit
    from ..models.excluded_limit import ExcludedLimit
    from ..models.ratio_limit import RatioLimit
    from ..models.ratios_limit import RatiosLimit


T = TypeVar("T", bound="DeclineReason")


@_attrs_define
class DeclineReason:
    """
    Attributes:
        code (str): Stable code of the rule that declined: `currency_not_supported`, `country_excluded`,
            `sector_excluded`, `amount_below_minimum`, `amount_above_maximum`, `tenor_too_long`, `risk_too_high`,
            `capacity_exceeded`, `buyer_limit_reduced`, `buyer_stopped`, `cover_ratio_not_offered`, `premium_exceeds_cover`
        limit (AcceptedLimit | AmountLimit | DaysLimit | ExcludedLimit | None | RatioLimit | RatiosLimit): The limit
            crossed, tagged by `kind`: `amount` (`amount` in minor units and its `currency`), `days`, `ratio` (0 to 1),
            `ratios` (the cover ratios offered), `accepted` or `excluded` (`values`: the strings accepted or excluded).
        message (str): A sentence for people
    """

    code: str
    limit: (
        AcceptedLimit
        | AmountLimit
        | DaysLimit
        | ExcludedLimit
        | None
        | RatioLimit
        | RatiosLimit
    )
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.accepted_limit import AcceptedLimit  # noqa: PLC0415
        from ..models.amount_limit import AmountLimit  # noqa: PLC0415
        from ..models.days_limit import DaysLimit  # noqa: PLC0415
        from ..models.excluded_limit import ExcludedLimit  # noqa: PLC0415
        from ..models.ratio_limit import RatioLimit  # noqa: PLC0415
        from ..models.ratios_limit import RatiosLimit  # noqa: PLC0415

        code = self.code

        limit: dict[str, Any] | None
        if isinstance(self.limit, AmountLimit):
            limit = self.limit.to_dict()
        elif isinstance(self.limit, DaysLimit):
            limit = self.limit.to_dict()
        elif isinstance(self.limit, RatioLimit):
            limit = self.limit.to_dict()
        elif isinstance(self.limit, RatiosLimit):
            limit = self.limit.to_dict()
        elif isinstance(self.limit, AcceptedLimit):
            limit = self.limit.to_dict()
        elif isinstance(self.limit, ExcludedLimit):
            limit = self.limit.to_dict()
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
        from ..models.accepted_limit import AcceptedLimit  # noqa: PLC0415
        from ..models.amount_limit import AmountLimit  # noqa: PLC0415
        from ..models.days_limit import DaysLimit  # noqa: PLC0415
        from ..models.excluded_limit import ExcludedLimit  # noqa: PLC0415
        from ..models.ratio_limit import RatioLimit  # noqa: PLC0415
        from ..models.ratios_limit import RatiosLimit  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_limit(
            data: object,
        ) -> (
            AcceptedLimit
            | AmountLimit
            | DaysLimit
            | ExcludedLimit
            | None
            | RatioLimit
            | RatiosLimit
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_0 = AmountLimit.from_dict(data)

                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_1 = DaysLimit.from_dict(data)

                return limit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_2 = RatioLimit.from_dict(data)

                return limit_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_3 = RatiosLimit.from_dict(data)

                return limit_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_4 = AcceptedLimit.from_dict(data)

                return limit_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_5 = ExcludedLimit.from_dict(data)

                return limit_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AcceptedLimit
                | AmountLimit
                | DaysLimit
                | ExcludedLimit
                | None
                | RatioLimit
                | RatiosLimit,
                data,
            )

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
