from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    """
    Attributes:
        amicable_from (datetime.date | None): Amicable collection began (the day after the claim opened)
        legal_from (datetime.date | None): Legal collection began, after `amicable_collection_days` of amicable
            collection
    """

    amicable_from: datetime.date | None
    legal_from: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amicable_from: None | str
        if isinstance(self.amicable_from, datetime.date):
            amicable_from = self.amicable_from.isoformat()
        else:
            amicable_from = self.amicable_from

        legal_from: None | str
        if isinstance(self.legal_from, datetime.date):
            legal_from = self.legal_from.isoformat()
        else:
            legal_from = self.legal_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amicable_from": amicable_from,
                "legal_from": legal_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amicable_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amicable_from_type_0 = datetime.date.fromisoformat(data)

                return amicable_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        amicable_from = _parse_amicable_from(d.pop("amicable_from"))

        def _parse_legal_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_from_type_0 = datetime.date.fromisoformat(data)

                return legal_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        legal_from = _parse_legal_from(d.pop("legal_from"))

        collection = cls(
            amicable_from=amicable_from,
            legal_from=legal_from,
        )

        collection.additional_properties = d
        return collection

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
