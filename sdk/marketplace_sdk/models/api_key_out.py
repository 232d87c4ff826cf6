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

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyOut")


@_attrs_define
class ApiKeyOut:
    """
    Attributes:
        account (str): The account the key acts as (acct_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        id (str): The key's id (key_…), not its secret
        livemode (bool): True for a live key (`mk_live_…`), false for a test key
        name (None | str): The name given at creation
        redacted_secret (str): The secret's mode and last 4 characters (`mk_test_…Xq7f`)
        revoked_at (datetime.datetime | None): When it was revoked (UTC); null while the key works
        object_ (Literal['api_key'] | Unset): The kind of object: always `api_key` Default: 'api_key'.
    """

    account: str
    created_at: datetime.datetime
    id: str
    livemode: bool
    name: None | str
    redacted_secret: str
    revoked_at: datetime.datetime | None
    object_: Literal["api_key"] | Unset = "api_key"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        created_at = self.created_at.isoformat()

        id = self.id

        livemode = self.livemode

        name: None | str
        name = self.name

        redacted_secret = self.redacted_secret

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "created_at": created_at,
                "id": id,
                "livemode": livemode,
                "name": name,
                "redacted_secret": redacted_secret,
                "revoked_at": revoked_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        redacted_secret = d.pop("redacted_secret")

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        object_ = cast(Literal["api_key"] | Unset, d.pop("object", UNSET))
        if object_ != "api_key" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'api_key', got '{object_}'")

        api_key_out = cls(
            account=account,
            created_at=created_at,
            id=id,
            livemode=livemode,
            name=name,
            redacted_secret=redacted_secret,
            revoked_at=revoked_at,
            object_=object_,
        )

        api_key_out.additional_properties = d
        return api_key_out

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
