from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.claim_create_cause import ClaimCreateCause

T = TypeVar("T", bound="ClaimCreate")


@_attrs_define
class ClaimCreate:
    """
    Attributes:
        cause (ClaimCreateCause): `insolvency` (the buyer's status is `insolvent`) or `protracted_default` (a declared
            invoice still unpaid at `deadlines.claimable_from`)
        cover (str): Your cover to claim on (cov_…)
    """

    cause: ClaimCreateCause
    cover: str

    def to_dict(self) -> dict[str, Any]:
        cause = self.cause.value

        cover = self.cover

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cause": cause,
                "cover": cover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cause = ClaimCreateCause(d.pop("cause"))

        cover = d.pop("cover")

        claim_create = cls(
            cause=cause,
            cover=cover,
        )

        return claim_create
