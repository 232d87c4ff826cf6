from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cover_create_metadata import CoverCreateMetadata


T = TypeVar("T", bound="CoverCreate")


@_attrs_define
class CoverCreate:
    """
    Attributes:
        offer (str): One of its offers (off_…)
        quote (str): The quote (quo_…)
        metadata (CoverCreateMetadata | Unset): Your own key-value pairs, returned as given and filterable on the list
            (`metadata[key]=value`): at most 50 keys of at most 40 characters (no `[` or `]`), each value text of at most
            500 characters; a key whose value is the empty string is not kept.
        payment_method (None | str | Unset): A Stripe PaymentMethod (pm_…) to charge the premium with at once; without
            it the payer confirms the premium with Stripe.js
    """

    offer: str
    quote: str
    metadata: CoverCreateMetadata | Unset = UNSET
    payment_method: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quote = self.quote

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

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
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cover_create_metadata import CoverCreateMetadata  # noqa: PLC0415

        d = dict(src_dict)
        offer = d.pop("offer")

        quote = d.pop("quote")

        _metadata = d.pop("metadata", UNSET)
        metadata: CoverCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = CoverCreateMetadata.from_dict(_metadata)

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
            metadata=metadata,
            payment_method=payment_method,
        )

        return cover_create
