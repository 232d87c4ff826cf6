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

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        client_secret (None | str): For the payer's front end (Stripe.js) while the premium is unpaid; shown only to the
            platform and seller the cover was bound by or for
        error_code (None | str): Why the payment failed or ended: Stripe's code (`card_declined`…),
            `payment_method_invalid`, or `premium_refunded` (refunded outside the API); null otherwise
        payment_intent (None | str): The Stripe PaymentIntent for the premium (pi_…)
        provider (Literal['stripe']): Always `stripe`
        refunded (int): Premium refunded so far, in minor units
        status (None | str): The PaymentIntent's status as last seen (`succeeded`, `requires_payment_method`…), or
            `unknown` when Stripe did not answer the bind: send the same bind again to resume
    """

    client_secret: None | str
    error_code: None | str
    payment_intent: None | str
    provider: Literal["stripe"]
    refunded: int
    status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_secret: None | str
        client_secret = self.client_secret

        error_code: None | str
        error_code = self.error_code

        payment_intent: None | str
        payment_intent = self.payment_intent

        provider = self.provider

        refunded = self.refunded

        status: None | str
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_secret": client_secret,
                "error_code": error_code,
                "payment_intent": payment_intent,
                "provider": provider,
                "refunded": refunded,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_client_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_secret = _parse_client_secret(d.pop("client_secret"))

        def _parse_error_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_code = _parse_error_code(d.pop("error_code"))

        def _parse_payment_intent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_intent = _parse_payment_intent(d.pop("payment_intent"))

        provider = cast(Literal["stripe"], d.pop("provider"))
        if provider != "stripe":
            raise ValueError(f"provider must match const 'stripe', got '{provider}'")

        refunded = d.pop("refunded")

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        payment = cls(
            client_secret=client_secret,
            error_code=error_code,
            payment_intent=payment_intent,
            provider=provider,
            refunded=refunded,
            status=status,
        )

        payment.additional_properties = d
        return payment

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
