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

from ..models.cover_out_status import CoverOutStatus
from ..models.currency import Currency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cover_out_metadata import CoverOutMetadata
    from ..models.deadlines import Deadlines
    from ..models.invoice import Invoice
    from ..models.payment import Payment


T = TypeVar("T", bound="CoverOut")


@_attrs_define
class CoverOut:
    """
    Attributes:
        amicable_collection_days (int): Days of amicable collection on a claim before legal collection starts
        buyer (str): The buyer who owes the invoice (buy_…)
        certificate_number (None | str): The insurance certificate's number, once the premium is paid
        claim (None | str): The claim on this cover (clm_…), once one opened
        claim_threshold_days (int): Days past the due date before a claim may open
        clock_advanced_days (int): Test mode: how many days the test clock moved this cover (and its claim) ahead
        cover_ends_on (datetime.date | None): The end of the cover period: due date + claim threshold
            (`deadlines.claimable_from`). An unpaid invoice must be declared overdue by `deadlines.overdue_declaration_by`
        cover_ratio (float): The share of the invoice insured: a ratio in (0, 1]
        cover_starts_at (datetime.datetime | None): When the cover came in force: the premium's payment (UTC)
        created_at (datetime.datetime): When it was bound (UTC)
        currency (Currency):
        deadlines (Deadlines):
        expires_at (datetime.datetime | None): While pending payment: when the cover lapses if the premium has not
            arrived (UTC)
        id (str): The cover's id (cov_…)
        insured_amount (int): What the cover pays at most: invoice amount x cover ratio, in minor units
        insured_outstanding (int): The exposure the cover holds on the buyer, in minor units: the cover ratio of what is
            still owed, capped by the insured amount, while the insurer may still have to pay (0 otherwise)
        insurer (str): The product's insurer (acct_…)
        insurer_name (str): The insurer's display name, as the offer bound showed it.
        invoice (Invoice):
        invoice_amount (int): The invoice's amount, in minor units
        invoice_due_date (datetime.date): The invoice's due date
        invoice_number (str): The invoice's number, as sent
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        metadata (CoverOutMetadata): Your own key-value pairs, as given when the object was made.
        offer (str): The offer bound (off_…)
        overdue_declaration_days (int): Days after the due date within which an unpaid invoice must be declared overdue
        payment (Payment):
        premium (int): The price paid for it, in minor units
        product (str): The insurer's product (prod_…)
        product_name (str): The product's name, as the offer bound showed it.
        product_version (int): The version of the product's terms bound
        quote (str): The quote bound (quo_…)
        seller (None | str): The seller the cover is for (acct_…)
        settled_at (datetime.datetime | None): When nothing more was owed on the invoice (UTC)
        status (CoverOutStatus): `pending_payment`, `active` (premium paid: in force), `cancelling`, `overdue` (past
            due, unpaid), `claimed`, `settled` (nothing owed), `time_barred`; or `payment_failed`, `expired` (unpaid in
            time), `cancelled`
        waiting_period_days (int): Days from the declaration of an unpaid invoice to the claim's approval
        object_ (Literal['cover'] | Unset): The kind of object: always `cover` Default: 'cover'.
    """

    amicable_collection_days: int
    buyer: str
    certificate_number: None | str
    claim: None | str
    claim_threshold_days: int
    clock_advanced_days: int
    cover_ends_on: datetime.date | None
    cover_ratio: float
    cover_starts_at: datetime.datetime | None
    created_at: datetime.datetime
    currency: Currency
    deadlines: Deadlines
    expires_at: datetime.datetime | None
    id: str
    insured_amount: int
    insured_outstanding: int
    insurer: str
    insurer_name: str
    invoice: Invoice
    invoice_amount: int
    invoice_due_date: datetime.date
    invoice_number: str
    livemode: bool
    metadata: CoverOutMetadata
    offer: str
    overdue_declaration_days: int
    payment: Payment
    premium: int
    product: str
    product_name: str
    product_version: int
    quote: str
    seller: None | str
    settled_at: datetime.datetime | None
    status: CoverOutStatus
    waiting_period_days: int
    object_: Literal["cover"] | Unset = "cover"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amicable_collection_days = self.amicable_collection_days

        buyer = self.buyer

        certificate_number: None | str
        certificate_number = self.certificate_number

        claim: None | str
        claim = self.claim

        claim_threshold_days = self.claim_threshold_days

        clock_advanced_days = self.clock_advanced_days

        cover_ends_on: None | str
        if isinstance(self.cover_ends_on, datetime.date):
            cover_ends_on = self.cover_ends_on.isoformat()
        else:
            cover_ends_on = self.cover_ends_on

        cover_ratio = self.cover_ratio

        cover_starts_at: None | str
        if isinstance(self.cover_starts_at, datetime.datetime):
            cover_starts_at = self.cover_starts_at.isoformat()
        else:
            cover_starts_at = self.cover_starts_at

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        deadlines = self.deadlines.to_dict()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        id = self.id

        insured_amount = self.insured_amount

        insured_outstanding = self.insured_outstanding

        insurer = self.insurer

        insurer_name = self.insurer_name

        invoice = self.invoice.to_dict()

        invoice_amount = self.invoice_amount

        invoice_due_date = self.invoice_due_date.isoformat()

        invoice_number = self.invoice_number

        livemode = self.livemode

        metadata = self.metadata.to_dict()

        offer = self.offer

        overdue_declaration_days = self.overdue_declaration_days

        payment = self.payment.to_dict()

        premium = self.premium

        product = self.product

        product_name = self.product_name

        product_version = self.product_version

        quote = self.quote

        seller: None | str
        seller = self.seller

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        status = self.status.value

        waiting_period_days = self.waiting_period_days

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amicable_collection_days": amicable_collection_days,
                "buyer": buyer,
                "certificate_number": certificate_number,
                "claim": claim,
                "claim_threshold_days": claim_threshold_days,
                "clock_advanced_days": clock_advanced_days,
                "cover_ends_on": cover_ends_on,
                "cover_ratio": cover_ratio,
                "cover_starts_at": cover_starts_at,
                "created_at": created_at,
                "currency": currency,
                "deadlines": deadlines,
                "expires_at": expires_at,
                "id": id,
                "insured_amount": insured_amount,
                "insured_outstanding": insured_outstanding,
                "insurer": insurer,
                "insurer_name": insurer_name,
                "invoice": invoice,
                "invoice_amount": invoice_amount,
                "invoice_due_date": invoice_due_date,
                "invoice_number": invoice_number,
                "livemode": livemode,
                "metadata": metadata,
                "offer": offer,
                "overdue_declaration_days": overdue_declaration_days,
                "payment": payment,
                "premium": premium,
                "product": product,
                "product_name": product_name,
                "product_version": product_version,
                "quote": quote,
                "seller": seller,
                "settled_at": settled_at,
                "status": status,
                "waiting_period_days": waiting_period_days,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cover_out_metadata import CoverOutMetadata  # noqa: PLC0415
        from ..models.deadlines import Deadlines  # noqa: PLC0415
        from ..models.invoice import Invoice  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415

        d = dict(src_dict)
        amicable_collection_days = d.pop("amicable_collection_days")

        buyer = d.pop("buyer")

        def _parse_certificate_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate_number = _parse_certificate_number(d.pop("certificate_number"))

        def _parse_claim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claim = _parse_claim(d.pop("claim"))

        claim_threshold_days = d.pop("claim_threshold_days")

        clock_advanced_days = d.pop("clock_advanced_days")

        def _parse_cover_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cover_ends_on_type_0 = datetime.date.fromisoformat(data)

                return cover_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cover_ends_on = _parse_cover_ends_on(d.pop("cover_ends_on"))

        cover_ratio = d.pop("cover_ratio")

        def _parse_cover_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cover_starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return cover_starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cover_starts_at = _parse_cover_starts_at(d.pop("cover_starts_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        deadlines = Deadlines.from_dict(d.pop("deadlines"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        id = d.pop("id")

        insured_amount = d.pop("insured_amount")

        insured_outstanding = d.pop("insured_outstanding")

        insurer = d.pop("insurer")

        insurer_name = d.pop("insurer_name")

        invoice = Invoice.from_dict(d.pop("invoice"))

        invoice_amount = d.pop("invoice_amount")

        invoice_due_date = datetime.date.fromisoformat(d.pop("invoice_due_date"))

        invoice_number = d.pop("invoice_number")

        livemode = d.pop("livemode")

        metadata = CoverOutMetadata.from_dict(d.pop("metadata"))

        offer = d.pop("offer")

        overdue_declaration_days = d.pop("overdue_declaration_days")

        payment = Payment.from_dict(d.pop("payment"))

        premium = d.pop("premium")

        product = d.pop("product")

        product_name = d.pop("product_name")

        product_version = d.pop("product_version")

        quote = d.pop("quote")

        def _parse_seller(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        seller = _parse_seller(d.pop("seller"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settled_at"))

        status = CoverOutStatus(d.pop("status"))

        waiting_period_days = d.pop("waiting_period_days")

        object_ = cast(Literal["cover"] | Unset, d.pop("object", UNSET))
        if object_ != "cover" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'cover', got '{object_}'")

        cover_out = cls(
            amicable_collection_days=amicable_collection_days,
            buyer=buyer,
            certificate_number=certificate_number,
            claim=claim,
            claim_threshold_days=claim_threshold_days,
            clock_advanced_days=clock_advanced_days,
            cover_ends_on=cover_ends_on,
            cover_ratio=cover_ratio,
            cover_starts_at=cover_starts_at,
            created_at=created_at,
            currency=currency,
            deadlines=deadlines,
            expires_at=expires_at,
            id=id,
            insured_amount=insured_amount,
            insured_outstanding=insured_outstanding,
            insurer=insurer,
            insurer_name=insurer_name,
            invoice=invoice,
            invoice_amount=invoice_amount,
            invoice_due_date=invoice_due_date,
            invoice_number=invoice_number,
            livemode=livemode,
            metadata=metadata,
            offer=offer,
            overdue_declaration_days=overdue_declaration_days,
            payment=payment,
            premium=premium,
            product=product,
            product_name=product_name,
            product_version=product_version,
            quote=quote,
            seller=seller,
            settled_at=settled_at,
            status=status,
            waiting_period_days=waiting_period_days,
            object_=object_,
        )

        cover_out.additional_properties = d
        return cover_out

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
