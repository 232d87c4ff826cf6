from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.buyer_facts import BuyerFacts
    from ..models.buyer_risk import BuyerRisk


T = TypeVar("T", bound="BuyerFactSetOut")


@_attrs_define
class BuyerFactSetOut:
    """
    Attributes:
        account (str): The account whose facts these are
        facts (BuyerFacts):
        risk (BuyerRisk):
        updated_at (datetime.datetime): When its facts last changed (UTC)
    """

    account: str
    facts: BuyerFacts
    risk: BuyerRisk
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        facts = self.facts.to_dict()

        risk = self.risk.to_dict()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "facts": facts,
                "risk": risk,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_facts import BuyerFacts  # noqa: PLC0415
        from ..models.buyer_risk import BuyerRisk  # noqa: PLC0415

        d = dict(src_dict)
        account = d.pop("account")

        facts = BuyerFacts.from_dict(d.pop("facts"))

        risk = BuyerRisk.from_dict(d.pop("risk"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        buyer_fact_set_out = cls(
            account=account,
            facts=facts,
            risk=risk,
            updated_at=updated_at,
        )

        buyer_fact_set_out.additional_properties = d
        return buyer_fact_set_out

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
