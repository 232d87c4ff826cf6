from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.quote_out_status import QuoteOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decline import Decline
    from ..models.invoice_in import InvoiceIn
    from ..models.offer_out import OfferOut
    from ..models.quote_out_metadata import QuoteOutMetadata
    from ..models.risk import Risk


T = TypeVar("T", bound="QuoteOut")


@_attrs_define
class QuoteOut:
    """
    Attributes:
        buyer (str): The buyer quoted (buy_…)
        created_at (datetime.datetime): When it was priced (UTC)
        currency (Currency):
        declines (list[Decline]): One per product (and cover ratio) that declines, with why
        expires_at (datetime.datetime): When the quote expires (UTC): the latest of its offers' `expires_at` (each offer
            has its own); past it, an unbound quote reads `expired`.
        id (str): The quote's id (quo_…)
        invoice (InvoiceIn):
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        metadata (QuoteOutMetadata): Your own key-value pairs, as given when the object was made.
        model_version (str): The risk model that scored it (`uw-…`)
        offers (list[OfferOut]): One per product (and cover ratio) that accepts, cheapest first
        risk (Risk):
        seller (None | str): The seller the quote is for (acct_…)
        status (QuoteOutStatus): `quoted` (offers to bind), `declined` (no product takes the risk), `bound` (an offer
            was bound) or `expired` (past `expires_at`, unbound)
        invoice_covered_by (None | str | Unset): The cover (cov_…) already in force on this invoice (same seller, buyer
            and invoice number), if any: binding another cover on it is refused (409 `invoice_already_covered`)
        object_ (Literal['quote'] | Unset): The kind of object: always `quote` Default: 'quote'.
    """

    buyer: str
    created_at: datetime.datetime
    currency: Currency
    declines: list[Decline]
    expires_at: datetime.datetime
    id: str
    invoice: InvoiceIn
    livemode: bool
    metadata: QuoteOutMetadata
    model_version: str
    offers: list[OfferOut]
    risk: Risk
    seller: None | str
    status: QuoteOutStatus
    invoice_covered_by: None | str | Unset = UNSET
    object_: Literal["quote"] | Unset = "quote"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        buyer = self.buyer

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        declines = []
        for declines_item_data in self.declines:
            declines_item = declines_item_data.to_dict()
            declines.append(declines_item)

        expires_at = self.expires_at.isoformat()

        id = self.id

        invoice = self.invoice.to_dict()

        livemode = self.livemode

        metadata = self.metadata.to_dict()

        model_version = self.model_version

        offers = []
        for offers_item_data in self.offers:
            offers_item = offers_item_data.to_dict()
            offers.append(offers_item)

        risk = self.risk.to_dict()

        seller: None | str
        seller = self.seller

        status = self.status.value

        invoice_covered_by: None | str | Unset
        if isinstance(self.invoice_covered_by, Unset):
            invoice_covered_by = UNSET
        else:
            invoice_covered_by = self.invoice_covered_by

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "buyer": buyer,
                "created_at": created_at,
                "currency": currency,
                "declines": declines,
                "expires_at": expires_at,
                "id": id,
                "invoice": invoice,
                "livemode": livemode,
                "metadata": metadata,
                "model_version": model_version,
                "offers": offers,
                "risk": risk,
                "seller": seller,
                "status": status,
            }
        )
        if invoice_covered_by is not UNSET:
            field_dict["invoice_covered_by"] = invoice_covered_by
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decline import Decline  # noqa: PLC0415
        from ..models.invoice_in import InvoiceIn  # noqa: PLC0415
        from ..models.offer_out import OfferOut  # noqa: PLC0415
        from ..models.quote_out_metadata import QuoteOutMetadata  # noqa: PLC0415
        from ..models.risk import Risk  # noqa: PLC0415

        d = dict(src_dict)
        buyer = d.pop("buyer")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        declines = []
        _declines = d.pop("declines")
        for declines_item_data in _declines:
            declines_item = Decline.from_dict(declines_item_data)

            declines.append(declines_item)

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        invoice = InvoiceIn.from_dict(d.pop("invoice"))

        livemode = d.pop("livemode")

        metadata = QuoteOutMetadata.from_dict(d.pop("metadata"))

        model_version = d.pop("model_version")

        offers = []
        _offers = d.pop("offers")
        for offers_item_data in _offers:
            offers_item = OfferOut.from_dict(offers_item_data)

            offers.append(offers_item)

        risk = Risk.from_dict(d.pop("risk"))

        def _parse_seller(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        seller = _parse_seller(d.pop("seller"))

        status = QuoteOutStatus(d.pop("status"))

        def _parse_invoice_covered_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_covered_by = _parse_invoice_covered_by(
            d.pop("invoice_covered_by", UNSET)
        )

        object_ = cast(Literal["quote"] | Unset, d.pop("object", UNSET))
        if object_ != "quote" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'quote', got '{object_}'")

        quote_out = cls(
            buyer=buyer,
            created_at=created_at,
            currency=currency,
            declines=declines,
            expires_at=expires_at,
            id=id,
            invoice=invoice,
            livemode=livemode,
            metadata=metadata,
            model_version=model_version,
            offers=offers,
            risk=risk,
            seller=seller,
            status=status,
            invoice_covered_by=invoice_covered_by,
            object_=object_,
        )

        quote_out.additional_properties = d
        return quote_out

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
