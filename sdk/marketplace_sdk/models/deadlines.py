from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Deadlines")


@_attrs_define
class Deadlines:
    """
    Attributes:
        claimable_from (datetime.date): From this day a claim opens on a declared, still unpaid invoice
        indemnity_due_by (datetime.date | None): The insurer pays the indemnity by this day (30 days after approval)
        overdue_declaration_by (datetime.date): Last day to declare the unpaid invoice overdue (`invoice.overdue`); a
            cover never declared by then ends `time_barred`
        waiting_period_ends_on (datetime.date | None): The claim is approved on this day (declaration + waiting period;
            an insolvency: the day the claim opened)
    """

    claimable_from: datetime.date
    indemnity_due_by: datetime.date | None
    overdue_declaration_by: datetime.date
    waiting_period_ends_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claimable_from = self.claimable_from.isoformat()

        indemnity_due_by: None | str
        if isinstance(self.indemnity_due_by, datetime.date):
            indemnity_due_by = self.indemnity_due_by.isoformat()
        else:
            indemnity_due_by = self.indemnity_due_by

        overdue_declaration_by = self.overdue_declaration_by.isoformat()

        waiting_period_ends_on: None | str
        if isinstance(self.waiting_period_ends_on, datetime.date):
            waiting_period_ends_on = self.waiting_period_ends_on.isoformat()
        else:
            waiting_period_ends_on = self.waiting_period_ends_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claimable_from": claimable_from,
                "indemnity_due_by": indemnity_due_by,
                "overdue_declaration_by": overdue_declaration_by,
                "waiting_period_ends_on": waiting_period_ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        claimable_from = datetime.date.fromisoformat(d.pop("claimable_from"))

        def _parse_indemnity_due_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indemnity_due_by_type_0 = datetime.date.fromisoformat(data)

                return indemnity_due_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        indemnity_due_by = _parse_indemnity_due_by(d.pop("indemnity_due_by"))

        overdue_declaration_by = datetime.date.fromisoformat(
            d.pop("overdue_declaration_by")
        )

        def _parse_waiting_period_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                waiting_period_ends_on_type_0 = datetime.date.fromisoformat(data)

                return waiting_period_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        waiting_period_ends_on = _parse_waiting_period_ends_on(
            d.pop("waiting_period_ends_on")
        )

        deadlines = cls(
            claimable_from=claimable_from,
            indemnity_due_by=indemnity_due_by,
            overdue_declaration_by=overdue_declaration_by,
            waiting_period_ends_on=waiting_period_ends_on,
        )

        deadlines.additional_properties = d
        return deadlines

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
