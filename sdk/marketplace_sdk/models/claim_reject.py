from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.claim_reject_code import ClaimRejectCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimReject")


@_attrs_define
class ClaimReject:
    """
    Attributes:
        code (ClaimRejectCode): `dispute` (the debt is contested), `exclusion` (a term of the cover excludes it),
            `late_declaration` or `fraud`
        reason (None | str | Unset): Why, in the insurer's words (1-500 characters)
    """

    code: ClaimRejectCode
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = ClaimRejectCode(d.pop("code"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        claim_reject = cls(
            code=code,
            reason=reason,
        )

        return claim_reject
