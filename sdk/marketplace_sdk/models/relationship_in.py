from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationshipIn")


@_attrs_define
class RelationshipIn:
    """
    Attributes:
        months (int | None | Unset): How long they have traded, in months
        prior_invoices_count (int | None | Unset): How many invoices the seller sent it before
        prior_late_ratio (float | None | Unset): The share of those paid late: a ratio from 0 to 1 (0.07 is 7 %)
    """

    months: int | None | Unset = UNSET
    prior_invoices_count: int | None | Unset = UNSET
    prior_late_ratio: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        months: int | None | Unset
        if isinstance(self.months, Unset):
            months = UNSET
        else:
            months = self.months

        prior_invoices_count: int | None | Unset
        if isinstance(self.prior_invoices_count, Unset):
            prior_invoices_count = UNSET
        else:
            prior_invoices_count = self.prior_invoices_count

        prior_late_ratio: float | None | Unset
        if isinstance(self.prior_late_ratio, Unset):
            prior_late_ratio = UNSET
        else:
            prior_late_ratio = self.prior_late_ratio

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if months is not UNSET:
            field_dict["months"] = months
        if prior_invoices_count is not UNSET:
            field_dict["prior_invoices_count"] = prior_invoices_count
        if prior_late_ratio is not UNSET:
            field_dict["prior_late_ratio"] = prior_late_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        months = _parse_months(d.pop("months", UNSET))

        def _parse_prior_invoices_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        prior_invoices_count = _parse_prior_invoices_count(
            d.pop("prior_invoices_count", UNSET)
        )

        def _parse_prior_late_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        prior_late_ratio = _parse_prior_late_ratio(d.pop("prior_late_ratio", UNSET))

        relationship_in = cls(
            months=months,
            prior_invoices_count=prior_invoices_count,
            prior_late_ratio=prior_late_ratio,
        )

        return relationship_in
