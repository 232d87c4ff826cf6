from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AmountLimit")


@_attrs_define
class AmountLimit:
    """
    Attributes:
        amount (int): In minor units of `currency`.
        currency (str): ISO 4217 code, e.g. EUR.
        kind (Literal['amount']): What this object is, the union's tag: always `amount`
    """

    amount: int
    currency: str
    kind: Literal["amount"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        kind = cast(Literal["amount"], d.pop("kind"))
        if kind != "amount":
            raise ValueError(f"kind must match const 'amount', got '{kind}'")

        amount_limit = cls(
            amount=amount,
            currency=currency,
            kind=kind,
        )

        amount_limit.additional_properties = d
        return amount_limit

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
