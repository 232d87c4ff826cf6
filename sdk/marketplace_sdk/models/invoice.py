from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """
    Attributes:
        credited (int): Credit notes issued so far
        declared_overdue_at (datetime.datetime | None): When it was declared overdue (on the cover's clock, UTC)
        disputed_since (datetime.datetime | None): Since when a commercial dispute holds it (UTC; null: not disputed)
        outstanding (int): Still owed: the invoice amount less payments and credit notes
        paid (int): Paid by the buyer so far (recoveries included)
    """

    credited: int
    declared_overdue_at: datetime.datetime | None
    disputed_since: datetime.datetime | None
    outstanding: int
    paid: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credited = self.credited

        declared_overdue_at: None | str
        if isinstance(self.declared_overdue_at, datetime.datetime):
            declared_overdue_at = self.declared_overdue_at.isoformat()
        else:
            declared_overdue_at = self.declared_overdue_at

        disputed_since: None | str
        if isinstance(self.disputed_since, datetime.datetime):
            disputed_since = self.disputed_since.isoformat()
        else:
            disputed_since = self.disputed_since

        outstanding = self.outstanding

        paid = self.paid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credited": credited,
                "declared_overdue_at": declared_overdue_at,
                "disputed_since": disputed_since,
                "outstanding": outstanding,
                "paid": paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credited = d.pop("credited")

        def _parse_declared_overdue_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declared_overdue_at_type_0 = datetime.datetime.fromisoformat(data)

                return declared_overdue_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        declared_overdue_at = _parse_declared_overdue_at(d.pop("declared_overdue_at"))

        def _parse_disputed_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disputed_since_type_0 = datetime.datetime.fromisoformat(data)

                return disputed_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disputed_since = _parse_disputed_since(d.pop("disputed_since"))

        outstanding = d.pop("outstanding")

        paid = d.pop("paid")

        invoice = cls(
            credited=credited,
            declared_overdue_at=declared_overdue_at,
            disputed_since=disputed_since,
            outstanding=outstanding,
            paid=paid,
        )

        invoice.additional_properties = d
        return invoice

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
