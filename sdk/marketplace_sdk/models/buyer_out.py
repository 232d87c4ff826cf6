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

from ..models.buyer_out_status import BuyerOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_fact_set_out import BuyerFactSetOut
    from ..models.buyer_facts import BuyerFacts
    from ..models.buyer_risk import BuyerRisk
    from ..models.capacity import Capacity


T = TypeVar("T", bound="BuyerOut")


@_attrs_define
class BuyerOut:
    """
    Attributes:
        capacity (list[Capacity]): Per product and currency: its limit, exposure and room left
        country (str): The buyer's country (ISO 3166 alpha-2)
        created_at (datetime.datetime): When the buyer was first quoted (UTC)
        fact_sets (list[BuyerFactSetOut] | None): Every account's facts and score: for the operator only
        facts (BuyerFacts):
        id (str): The buyer's id (buy_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        name (None | str): The name your quotes gave (null: none)
        registration_number (str): The registration number as compared: upper case, without spaces, dots, hyphens,
            slashes or a leading country code
        risk (BuyerRisk):
        sector (None | str): The NACE section your quotes gave (null: none)
        status (BuyerOutStatus): The marketplace-wide monitoring status, set by signals: `normal`, `watch`, `stop` (no
            new cover) or `insolvent` (no new cover; insolvency claims open)
        status_changed_at (datetime.datetime | None): When `status` last changed (UTC); null while never changed
        updated_at (datetime.datetime): When what you see of it last changed (UTC)
        object_ (Literal['buyer'] | Unset): The kind of object: always `buyer` Default: 'buyer'.
    """

    capacity: list[Capacity]
    country: str
    created_at: datetime.datetime
    fact_sets: list[BuyerFactSetOut] | None
    facts: BuyerFacts
    id: str
    livemode: bool
    name: None | str
    registration_number: str
    risk: BuyerRisk
    sector: None | str
    status: BuyerOutStatus
    status_changed_at: datetime.datetime | None
    updated_at: datetime.datetime
    object_: Literal["buyer"] | Unset = "buyer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capacity = []
        for capacity_item_data in self.capacity:
            capacity_item = capacity_item_data.to_dict()
            capacity.append(capacity_item)

        country = self.country

        created_at = self.created_at.isoformat()

        fact_sets: list[dict[str, Any]] | None
        if isinstance(self.fact_sets, list):
            fact_sets = []
            for fact_sets_type_0_item_data in self.fact_sets:
                fact_sets_type_0_item = fact_sets_type_0_item_data.to_dict()
                fact_sets.append(fact_sets_type_0_item)

        else:
            fact_sets = self.fact_sets

        facts = self.facts.to_dict()

        id = self.id

        livemode = self.livemode

        name: None | str
        name = self.name

        registration_number = self.registration_number

        risk = self.risk.to_dict()

        sector: None | str
        sector = self.sector

        status = self.status.value

        status_changed_at: None | str
        if isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        updated_at = self.updated_at.isoformat()

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capacity": capacity,
                "country": country,
                "created_at": created_at,
                "fact_sets": fact_sets,
                "facts": facts,
                "id": id,
                "livemode": livemode,
                "name": name,
                "registration_number": registration_number,
                "risk": risk,
                "sector": sector,
                "status": status,
                "status_changed_at": status_changed_at,
                "updated_at": updated_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_fact_set_out import BuyerFactSetOut  # noqa: PLC0415
        from ..models.buyer_facts import BuyerFacts  # noqa: PLC0415
        from ..models.buyer_risk import BuyerRisk  # noqa: PLC0415
        from ..models.capacity import Capacity  # noqa: PLC0415

        d = dict(src_dict)
        capacity = []
        _capacity = d.pop("capacity")
        for capacity_item_data in _capacity:
            capacity_item = Capacity.from_dict(capacity_item_data)

            capacity.append(capacity_item)

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_fact_sets(data: object) -> list[BuyerFactSetOut] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fact_sets_type_0 = []
                _fact_sets_type_0 = data
                for fact_sets_type_0_item_data in _fact_sets_type_0:
                    fact_sets_type_0_item = BuyerFactSetOut.from_dict(
                        fact_sets_type_0_item_data
                    )

                    fact_sets_type_0.append(fact_sets_type_0_item)

                return fact_sets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BuyerFactSetOut] | None, data)

        fact_sets = _parse_fact_sets(d.pop("fact_sets"))

        facts = BuyerFacts.from_dict(d.pop("facts"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        registration_number = d.pop("registration_number")

        risk = BuyerRisk.from_dict(d.pop("risk"))

        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))

        status = BuyerOutStatus(d.pop("status"))

        def _parse_status_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        object_ = cast(Literal["buyer"] | Unset, d.pop("object", UNSET))
        if object_ != "buyer" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'buyer', got '{object_}'")

        buyer_out = cls(
            capacity=capacity,
            country=country,
            created_at=created_at,
            fact_sets=fact_sets,
            facts=facts,
            id=id,
            livemode=livemode,
            name=name,
            registration_number=registration_number,
            risk=risk,
            sector=sector,
            status=status,
            status_changed_at=status_changed_at,
            updated_at=updated_at,
            object_=object_,
        )

        buyer_out.additional_properties = d
        return buyer_out

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
