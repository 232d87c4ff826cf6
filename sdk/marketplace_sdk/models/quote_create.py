from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_in import BuyerIn
    from ..models.invoice_in import InvoiceIn
    from ..models.relationship_in import RelationshipIn


T = TypeVar("T", bound="QuoteCreate")


@_attrs_define
class QuoteCreate:
    """
    Attributes:
        buyer (BuyerIn):
        invoice (InvoiceIn):
        cover_ratios (list[float] | None | Unset):
        relationship (None | RelationshipIn | Unset):
        seller (None | str | Unset):
    """

    buyer: BuyerIn
    invoice: InvoiceIn
    cover_ratios: list[float] | None | Unset = UNSET
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
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if seller is not UNSET:
            field_dict["seller"] = seller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_in import BuyerIn  # noqa: PLC0415
        from ..models.invoice_in import InvoiceIn  # noqa: PLC0415
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
            relationship=relationship,
            seller=seller,
        )

        return quote_create
