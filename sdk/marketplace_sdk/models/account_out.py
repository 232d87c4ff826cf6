from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_out_role import AccountOutRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """
    Attributes:
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        id (str): The account's id (acct_…)
        name (str): The display name
        platform (None | str): For a seller: the platform it is connected to (acct_…)
        role (AccountOutRole): `operator` runs the marketplace, `insurer` puts products on it, `platform` quotes and
            binds inside its checkout and manages its connected sellers, `seller` insures its own invoices
        object_ (Literal['account'] | Unset): The kind of object: always `account` Default: 'account'.
    """

    created_at: datetime.datetime
    id: str
    name: str
    platform: None | str
    role: AccountOutRole
    object_: Literal["account"] | Unset = "account"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        platform: None | str
        platform = self.platform

        role = self.role.value

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "platform": platform,
                "role": role,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        role = AccountOutRole(d.pop("role"))

        object_ = cast(Literal["account"] | Unset, d.pop("object", UNSET))
        if object_ != "account" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'account', got '{object_}'")

        account_out = cls(
            created_at=created_at,
            id=id,
            name=name,
            platform=platform,
            role=role,
            object_=object_,
        )

        account_out.additional_properties = d
        return account_out

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
