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

from ..models.claim_out_cause import ClaimOutCause
from ..models.claim_out_hold_reason_type_1 import ClaimOutHoldReasonType1
from ..models.claim_out_hold_reason_type_2_type_1 import ClaimOutHoldReasonType2Type1
from ..models.claim_out_hold_reason_type_3_type_1 import ClaimOutHoldReasonType3Type1
from ..models.claim_out_status import ClaimOutStatus
from ..models.currency import Currency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection import Collection
    from ..models.deadlines import Deadlines
    from ..models.recoveries import Recoveries
    from ..models.rejection import Rejection


T = TypeVar("T", bound="ClaimOut")


@_attrs_define
class ClaimOut:
    """
    Attributes:
        approved_on (datetime.date | None): The day it was approved (null: not yet)
        buyer (str): The buyer who did not pay (buy_…)
        cause (ClaimOutCause): `protracted_default` or `insolvency` (no waiting period)
        closed_at (datetime.datetime | None): When it closed: paid, recovered, rejected or withdrawn (UTC)
        collection (Collection):
        cover (str): The cover (cov_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        currency (Currency):
        deadlines (Deadlines):
        hold_reason (ClaimOutHoldReasonType1 | ClaimOutHoldReasonType2Type1 | ClaimOutHoldReasonType3Type1 | None):
            While `on_hold`: `dispute` (the invoice is disputed) or `insurer` (the insurer holds it)
        id (str): The claim's id (clm_…)
        indemnity (int | None): Set on approval, in minor units: cover ratio x (outstanding at declaration - recoveries
            before approval - credit notes since), capped by the insured amount, rounded half up
        insurer (str): The product's insurer (acct_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        opened_on (datetime.date): The day the claim opened
        outstanding_at_declaration (int): What the buyer owed when the invoice was declared overdue (an insolvency: when
            the claim opened), in minor units
        paid (int): Indemnity paid so far (the sum of the payouts), in minor units
        product (str): The cover's product (prod_…)
        recoveries (Recoveries):
        rejection (None | Rejection): Why it was rejected (null: not rejected)
        seller (None | str): The seller the cover is for (acct_…)
        status (ClaimOutStatus): `open`, `collection_amicable`, `collection_legal`, `on_hold`, `approved` (indemnity
            fixed), then `paid`; or closed `recovered`, `rejected`, `withdrawn`
        updated_at (datetime.datetime): When it last changed (UTC)
        object_ (Literal['claim'] | Unset): The kind of object: always `claim` Default: 'claim'.
    """

    approved_on: datetime.date | None
    buyer: str
    cause: ClaimOutCause
    closed_at: datetime.datetime | None
    collection: Collection
    cover: str
    created_at: datetime.datetime
    currency: Currency
    deadlines: Deadlines
    hold_reason: (
        ClaimOutHoldReasonType1
        | ClaimOutHoldReasonType2Type1
        | ClaimOutHoldReasonType3Type1
        | None
    )
    id: str
    indemnity: int | None
    insurer: str
    livemode: bool
    opened_on: datetime.date
    outstanding_at_declaration: int
    paid: int
    product: str
    recoveries: Recoveries
    rejection: None | Rejection
    seller: None | str
    status: ClaimOutStatus
    updated_at: datetime.datetime
    object_: Literal["claim"] | Unset = "claim"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rejection import Rejection  # noqa: PLC0415

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        buyer = self.buyer

        cause = self.cause.value

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        collection = self.collection.to_dict()

        cover = self.cover

        created_at = self.created_at.isoformat()

        currency = self.currency.value

        deadlines = self.deadlines.to_dict()

        hold_reason: None | str
        if isinstance(self.hold_reason, ClaimOutHoldReasonType1):
            hold_reason = self.hold_reason.value
        elif isinstance(self.hold_reason, ClaimOutHoldReasonType2Type1):
            hold_reason = self.hold_reason.value
        elif isinstance(self.hold_reason, ClaimOutHoldReasonType3Type1):
            hold_reason = self.hold_reason.value
        else:
            hold_reason = self.hold_reason

        id = self.id

        indemnity: int | None
        indemnity = self.indemnity

        insurer = self.insurer

        livemode = self.livemode

        opened_on = self.opened_on.isoformat()

        outstanding_at_declaration = self.outstanding_at_declaration

        paid = self.paid

        product = self.product

        recoveries = self.recoveries.to_dict()

        rejection: dict[str, Any] | None
        if isinstance(self.rejection, Rejection):
            rejection = self.rejection.to_dict()
        else:
            rejection = self.rejection

        seller: None | str
        seller = self.seller

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_on": approved_on,
                "buyer": buyer,
                "cause": cause,
                "closed_at": closed_at,
                "collection": collection,
                "cover": cover,
                "created_at": created_at,
                "currency": currency,
                "deadlines": deadlines,
                "hold_reason": hold_reason,
                "id": id,
                "indemnity": indemnity,
                "insurer": insurer,
                "livemode": livemode,
                "opened_on": opened_on,
                "outstanding_at_declaration": outstanding_at_declaration,
                "paid": paid,
                "product": product,
                "recoveries": recoveries,
                "rejection": rejection,
                "seller": seller,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection import Collection  # noqa: PLC0415
        from ..models.deadlines import Deadlines  # noqa: PLC0415
        from ..models.recoveries import Recoveries  # noqa: PLC0415
        from ..models.rejection import Rejection  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        buyer = d.pop("buyer")

        cause = ClaimOutCause(d.pop("cause"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        collection = Collection.from_dict(d.pop("collection"))

        cover = d.pop("cover")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = Currency(d.pop("currency"))

        deadlines = Deadlines.from_dict(d.pop("deadlines"))

        def _parse_hold_reason(
            data: object,
        ) -> (
            ClaimOutHoldReasonType1
            | ClaimOutHoldReasonType2Type1
            | ClaimOutHoldReasonType3Type1
            | None
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_reason_type_1 = ClaimOutHoldReasonType1(data)

                return hold_reason_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_reason_type_2_type_1 = ClaimOutHoldReasonType2Type1(data)

                return hold_reason_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_reason_type_3_type_1 = ClaimOutHoldReasonType3Type1(data)

                return hold_reason_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ClaimOutHoldReasonType1
                | ClaimOutHoldReasonType2Type1
                | ClaimOutHoldReasonType3Type1
                | None,
                data,
            )

        hold_reason = _parse_hold_reason(d.pop("hold_reason"))

        id = d.pop("id")

        def _parse_indemnity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        indemnity = _parse_indemnity(d.pop("indemnity"))

        insurer = d.pop("insurer")

        livemode = d.pop("livemode")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        outstanding_at_declaration = d.pop("outstanding_at_declaration")

        paid = d.pop("paid")

        product = d.pop("product")

        recoveries = Recoveries.from_dict(d.pop("recoveries"))

        def _parse_rejection(data: object) -> None | Rejection:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rejection_type_0 = Rejection.from_dict(data)

                return rejection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rejection, data)

        rejection = _parse_rejection(d.pop("rejection"))

        def _parse_seller(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        seller = _parse_seller(d.pop("seller"))

        status = ClaimOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        object_ = cast(Literal["claim"] | Unset, d.pop("object", UNSET))
        if object_ != "claim" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'claim', got '{object_}'")

        claim_out = cls(
            approved_on=approved_on,
            buyer=buyer,
            cause=cause,
            closed_at=closed_at,
            collection=collection,
            cover=cover,
            created_at=created_at,
            currency=currency,
            deadlines=deadlines,
            hold_reason=hold_reason,
            id=id,
            indemnity=indemnity,
            insurer=insurer,
            livemode=livemode,
            opened_on=opened_on,
            outstanding_at_declaration=outstanding_at_declaration,
            paid=paid,
            product=product,
            recoveries=recoveries,
            rejection=rejection,
            seller=seller,
            status=status,
            updated_at=updated_at,
            object_=object_,
        )

        claim_out.additional_properties = d
        return claim_out

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
