from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferOut")


@_attrs_define
class OfferOut:
    """
    Attributes:
        amicable_collection_days (int): Days of amicable collection on a claim before legal collection starts
        claim_threshold_days (int): Days past the due date before a claim may open
        cover_ratio (float): The share of the invoice insured: a ratio in (0, 1] (0.9)
        expires_at (datetime.datetime): Until when this offer may be bound (UTC): the quote's time plus its product's
            validity. Binding it later is refused (409 `offer_expired`).
        id (str): The offer's id (off_…): bind it by this id
        insured_amount (int): What the cover pays at most: the invoice amount x `cover_ratio`, in minor units of the
            quote's `currency`
        insurer (str): The product's insurer (acct_…)
        insurer_name (str): The insurer's display name, as it was when the offer was made.
        overdue_declaration_days (int): Days after the due date within which an unpaid invoice must be declared overdue
        premium (int): The price of the cover, charged at bind, in minor units of the quote's `currency` (rounded up)
        premium_rate_bps (int): The premium over the invoice amount, in basis points (100 = 1 %; rounded half up)
        product (str): The product offering it (prod_…)
        product_name (str): The product's name, as it was when the offer was made.
        product_version (int): The version of the product's terms it was priced on
        waiting_period_days (int): Days from the declaration of an unpaid invoice to the claim's approval
        object_ (Literal['offer'] | Unset): The kind of object: always `offer` Default: 'offer'.
    """

    amicable_collection_days: int
    claim_threshold_days: int
    cover_ratio: float
    expires_at: datetime.datetime
    id: str
    insured_amount: int
    insurer: str
    insurer_name: str
    overdue_declaration_days: int
    premium: int
    premium_rate_bps: int
    product: str
    product_name: str
    product_version: int
    waiting_period_days: int
    object_: Literal["offer"] | Unset = "offer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amicable_collection_days = self.amicable_collection_days

        claim_threshold_days = self.claim_threshold_days

        cover_ratio = self.cover_ratio

        expires_at = self.expires_at.isoformat()

        id = self.id

        insured_amount = self.insured_amount

        insurer = self.insurer

        insurer_name = self.insurer_name

        overdue_declaration_days = self.overdue_declaration_days

        premium = self.premium

        premium_rate_bps = self.premium_rate_bps

        product = self.product

        product_name = self.product_name

        product_version = self.product_version

        waiting_period_days = self.waiting_period_days

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amicable_collection_days": amicable_collection_days,
                "claim_threshold_days": claim_threshold_days,
                "cover_ratio": cover_ratio,
                "expires_at": expires_at,
                "id": id,
                "insured_amount": insured_amount,
                "insurer": insurer,
                "insurer_name": insurer_name,
                "overdue_declaration_days": overdue_declaration_days,
                "premium": premium,
                "premium_rate_bps": premium_rate_bps,
                "product": product,
                "product_name": product_name,
                "product_version": product_version,
                "waiting_period_days": waiting_period_days,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amicable_collection_days = d.pop("amicable_collection_days")

        claim_threshold_days = d.pop("claim_threshold_days")

        cover_ratio = d.pop("cover_ratio")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        insured_amount = d.pop("insured_amount")

        insurer = d.pop("insurer")

        insurer_name = d.pop("insurer_name")

        overdue_declaration_days = d.pop("overdue_declaration_days")

        premium = d.pop("premium")

        premium_rate_bps = d.pop("premium_rate_bps")

        product = d.pop("product")

        product_name = d.pop("product_name")

        product_version = d.pop("product_version")

        waiting_period_days = d.pop("waiting_period_days")

        object_ = cast(Literal["offer"] | Unset, d.pop("object", UNSET))
        if object_ != "offer" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'offer', got '{object_}'")

        offer_out = cls(
            amicable_collection_days=amicable_collection_days,
            claim_threshold_days=claim_threshold_days,
            cover_ratio=cover_ratio,
            expires_at=expires_at,
            id=id,
            insured_amount=insured_amount,
            insurer=insurer,
            insurer_name=insurer_name,
            overdue_declaration_days=overdue_declaration_days,
            premium=premium,
            premium_rate_bps=premium_rate_bps,
            product=product,
            product_name=product_name,
            product_version=product_version,
            waiting_period_days=waiting_period_days,
            object_=object_,
        )

        offer_out.additional_properties = d
        return offer_out

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
