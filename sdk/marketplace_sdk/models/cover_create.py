from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoverCreate")


@_attrs_define
class CoverCreate:
    """
    Attributes:
        offer (str):
        quote (str):
        payment_method (None | str | Unset):
    """

    offer: str
    quote: str
    payment_method: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quote = self.quote

        payment_method: None | str | Unset
        if isinstance(self.payment_method, Unset):
            payment_method = UNSET
        else:
            payment_method = self.payment_method

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offer": offer,
                "quote": quote,
            }
        )
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer = d.pop("offer")

        quote = d.pop("quote")

        def _parse_payment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_method = _parse_payment_method(d.pop("payment_method", UNSET))

        cover_create = cls(
            offer=offer,
            quote=quote,
            payment_method=payment_method,
        )

        return cover_create
