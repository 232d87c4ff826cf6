from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_create_role import AccountCreateRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountCreate")


@_attrs_define
class AccountCreate:
    """
    Attributes:
        name (str): The display name (1-200 characters)
        role (AccountCreateRole): `operator` runs the marketplace, `insurer` puts products on it, `platform` quotes and
            binds inside its checkout and manages its connected sellers, `seller` insures its own invoices
        platform (None | str | Unset): The platform (acct_…) to connect a new seller to: the operator names it; a
            platform may leave it out or name itself. Only for role `seller` (422 `platform_only_for_sellers`; 422
            `not_a_platform` when the account is not one)
    """

    name: str
    role: AccountCreateRole
    platform: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role.value

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if platform is not UNSET:
            field_dict["platform"] = platform

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = AccountCreateRole(d.pop("role"))

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        account_create = cls(
            name=name,
            role=role,
            platform=platform,
        )

        return account_create
