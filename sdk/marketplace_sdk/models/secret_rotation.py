from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretRotation")


@_attrs_define
class SecretRotation:
    """
    Attributes:
        expire_previous_in_seconds (int | Unset): Seconds the current secret stays valid (deliveries carry both
            signatures meanwhile); 0 retires it at once. Default 86400 (24 hours). Default: 86400.
    """

    expire_previous_in_seconds: int | Unset = 86400

    def to_dict(self) -> dict[str, Any]:
        expire_previous_in_seconds = self.expire_previous_in_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if expire_previous_in_seconds is not UNSET:
            field_dict["expire_previous_in_seconds"] = expire_previous_in_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expire_previous_in_seconds = d.pop("expire_previous_in_seconds", UNSET)

        secret_rotation = cls(
            expire_previous_in_seconds=expire_previous_in_seconds,
        )

        return secret_rotation
