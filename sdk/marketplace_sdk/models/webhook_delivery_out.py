from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_out_status import WebhookDeliveryOutStatus

if TYPE_CHECKING:
    from ..models.webhook_attempt_out import WebhookAttemptOut


T = TypeVar("T", bound="WebhookDeliveryOut")


@_attrs_define
class WebhookDeliveryOut:
    """
    Attributes:
        attempts (list[WebhookAttemptOut]): Every attempt, oldest first
        endpoint (str): The endpoint it goes to (we_…)
        id (str): The delivery's id (whd_…)
        next_attempt_at (datetime.datetime | None): While pending: when the next attempt is due (UTC)
        status (WebhookDeliveryOutStatus): `pending` (attempts go on), `succeeded` (a 2xx came back) or `failed` (no
            more attempts)
    """

    attempts: list[WebhookAttemptOut]
    endpoint: str
    id: str
    next_attempt_at: datetime.datetime | None
    status: WebhookDeliveryOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        endpoint = self.endpoint

        id = self.id

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "endpoint": endpoint,
                "id": id,
                "next_attempt_at": next_attempt_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_attempt_out import WebhookAttemptOut  # noqa: PLC0415

        d = dict(src_dict)
        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = WebhookAttemptOut.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        endpoint = d.pop("endpoint")

        id = d.pop("id")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        status = WebhookDeliveryOutStatus(d.pop("status"))

        webhook_delivery_out = cls(
            attempts=attempts,
            endpoint=endpoint,
            id=id,
            next_attempt_at=next_attempt_at,
            status=status,
        )

        webhook_delivery_out.additional_properties = d
        return webhook_delivery_out

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
