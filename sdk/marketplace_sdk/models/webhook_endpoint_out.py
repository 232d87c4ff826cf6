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

from ..models.webhook_endpoint_out_status import WebhookEndpointOutStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointOut")


@_attrs_define
class WebhookEndpointOut:
    """
    Attributes:
        account (str): The account it belongs to (acct_…)
        created_at (datetime.datetime): When it was created (UTC, ISO 8601)
        description (None | str): Your note about it
        disabled_reason (None | str): Why it was disabled: `endpoint_gone` (it answered 410), `failing` (it failed for 5
            days), `by_request`
        enabled_events (list[str]): The events it receives: exact types, `<object>.*` or `*`
        id (str): The endpoint's id (we_…)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        status (WebhookEndpointOutStatus): `enabled`: events are sent to it; `disabled`: none are
        updated_at (datetime.datetime): When it last changed (UTC, ISO 8601)
        url (str): Where events are POSTed
        object_ (Literal['webhook_endpoint'] | Unset): The kind of object: always `webhook_endpoint` Default:
            'webhook_endpoint'.
        secret (None | str | Unset): Never shown here: null (see the creation's answer)
    """

    account: str
    created_at: datetime.datetime
    description: None | str
    disabled_reason: None | str
    enabled_events: list[str]
    id: str
    livemode: bool
    status: WebhookEndpointOutStatus
    updated_at: datetime.datetime
    url: str
    object_: Literal["webhook_endpoint"] | Unset = "webhook_endpoint"
    secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        enabled_events = self.enabled_events

        id = self.id

        livemode = self.livemode

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        object_ = self.object_

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "created_at": created_at,
                "description": description,
                "disabled_reason": disabled_reason,
                "enabled_events": enabled_events,
                "id": id,
                "livemode": livemode,
                "status": status,
                "updated_at": updated_at,
                "url": url,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        enabled_events = cast(list[str], d.pop("enabled_events"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        status = WebhookEndpointOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        object_ = cast(Literal["webhook_endpoint"] | Unset, d.pop("object", UNSET))
        if object_ != "webhook_endpoint" and not isinstance(object_, Unset):
            raise ValueError(
                f"object must match const 'webhook_endpoint', got '{object_}'"
            )

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        webhook_endpoint_out = cls(
            account=account,
            created_at=created_at,
            description=description,
            disabled_reason=disabled_reason,
            enabled_events=enabled_events,
            id=id,
            livemode=livemode,
            status=status,
            updated_at=updated_at,
            url=url,
            object_=object_,
            secret=secret,
        )

        webhook_endpoint_out.additional_properties = d
        return webhook_endpoint_out

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
