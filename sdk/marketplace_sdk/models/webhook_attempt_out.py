from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookAttemptOut")


@_attrs_define
class WebhookAttemptOut:
    """
    Attributes:
        created_at (datetime.datetime): When it was made (UTC)
        duration_ms (int): How long it took, in milliseconds
        error (None | str): Why there was no answer: `timeout`, `connect_error`, `blocked_address`…
        id (str): The attempt's id (wha_…)
        response_body (None | str): The first 1 KiB of the answer
        status_code (int | None): The HTTP status the endpoint answered (null: no answer)
    """

    created_at: datetime.datetime
    duration_ms: int
    error: None | str
    id: str
    response_body: None | str
    status_code: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        id = self.id

        response_body: None | str
        response_body = self.response_body

        status_code: int | None
        status_code = self.status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "duration_ms": duration_ms,
                "error": error,
                "id": id,
                "response_body": response_body,
                "status_code": status_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        id = d.pop("id")

        def _parse_response_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_body = _parse_response_body(d.pop("response_body"))

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        webhook_attempt_out = cls(
            created_at=created_at,
            duration_ms=duration_ms,
            error=error,
            id=id,
            response_body=response_body,
            status_code=status_code,
        )

        webhook_attempt_out.additional_properties = d
        return webhook_attempt_out

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
