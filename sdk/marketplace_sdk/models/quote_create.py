from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_in import BuyerIn
    from ..models.invoice_in import InvoiceIn
    from ..models.quote_create_metadata import QuoteCreateMetadata
    from ..models.relationship_in import RelationshipIn


T = TypeVar("T", bound="QuoteCreate")


@_attrs_define
class QuoteCreate:
    """
    Attributes:
        buyer (BuyerIn):
        invoice (InvoiceIn):
        cover_ratios (list[float] | None | Unset): The shares of the invoice to insure, each a ratio in (0, 1] (0.9
            insures 90 %): each product offers those it has; absent, its default
        metadata (QuoteCreateMetadata | Unset): Your own key-value pairs, returned as given and filterable on the list
            (`metadata[key]=value`): at most 50 keys of at most 40 characters (no `[` or `]`), each value text of at most
            500 characters; a key whose value is the empty string is not kept.
        relationship (None | RelationshipIn | Unset): The seller's history with this buyer, when known
        seller (None | str | Unset): The seller the quote is for (acct_…): required when the caller is a platform (one
            of its connected sellers; 422 `seller_required` without it); a seller may name only itself.
    """

    buyer: BuyerIn
    invoice: InvoiceIn
    cover_ratios: list[float] | None | Unset = UNSET
    metadata: QuoteCreateMetadata | Unset = UNSET
    relationship: None | RelationshipIn | Unset = UNSET
    seller: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.relationship_in import RelationshipIn  # noqa: PLC0415

        buyer = self.buyer.to_dict()

        invoice = self.invoice.to_dict()

        cover_ratios: list[float] | None | Unset
        if isinstance(self.cover_ratios, Unset):
            cover_ratios = UNSET
        elif isinstance(self.cover_ratios, list):
            cover_ratios = self.cover_ratios

        else:
            cover_ratios = self.cover_ratios

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        relationship: dict[str, Any] | None | Unset
        if isinstance(self.relationship, Unset):
            relationship = UNSET
        elif isinstance(self.relationship, RelationshipIn):
            relationship = self.relationship.to_dict()
        else:
            relationship = self.relationship

        seller: None | str | Unset
        if isinstance(self.seller, Unset):
            seller = UNSET
        else:
            seller = self.seller

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "buyer": buyer,
                "invoice": invoice,
            }
        )
        if cover_ratios is not UNSET:
            field_dict["cover_ratios"] = cover_ratios
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if seller is not UNSET:
            field_dict["seller"] = seller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_in import BuyerIn  # noqa: PLC0415
        from ..models.invoice_in import InvoiceIn  # noqa: PLC0415
        from ..models.quote_create_metadata import QuoteCreateMetadata  # noqa: PLC0415
        from ..models.relationship_in import RelationshipIn  # noqa: PLC0415

        d = dict(src_dict)
        buyer = BuyerIn.from_dict(d.pop("buyer"))

        invoice = InvoiceIn.from_dict(d.pop("invoice"))

        def _parse_cover_ratios(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                cover_ratios_type_0 = cast(list[float], data)

                return cover_ratios_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        cover_ratios = _parse_cover_ratios(d.pop("cover_ratios", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: QuoteCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = QuoteCreateMetadata.from_dict(_metadata)

        def _parse_relationship(data: object) -> None | RelationshipIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                relationship_type_0 = RelationshipIn.from_dict(data)

                return relationship_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelationshipIn | Unset, data)

        relationship = _parse_relationship(d.pop("relationship", UNSET))

        def _parse_seller(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seller = _parse_seller(d.pop("seller", UNSET))

        quote_create = cls(
            buyer=buyer,
            invoice=invoice,
            cover_ratios=cover_ratios,
            metadata=metadata,
            relationship=relationship,
            seller=seller,
        )

        return quote_create
