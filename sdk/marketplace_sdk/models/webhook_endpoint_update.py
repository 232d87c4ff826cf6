from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_endpoint_update_enabled_events_type_0_item import (
    WebhookEndpointUpdateEnabledEventsType0Item,
)
from ..models.webhook_endpoint_update_status_type_0 import (
    WebhookEndpointUpdateStatusType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointUpdate")


@_attrs_define
class WebhookEndpointUpdate:
    """
    Attributes:
        description (None | str | Unset): Your note about the endpoint (at most 500 characters)
        enabled_events (list[WebhookEndpointUpdateEnabledEventsType0Item] | Unset): The events to receive: exact types
            (`cover.activated`), every type about one kind of object (`cover.*`) or `*` for every type.
        status (Unset | WebhookEndpointUpdateStatusType0): `disabled` stops sending; `enabled` sends again (its failure
            record starts afresh)
        url (str | Unset): Where events are POSTed: `https` (test mode also takes `http`); in live mode a host that
            resolves to public addresses only, in test mode also loopback (`localhost`, 127.0.0.1). Private, link-local and
            metadata addresses, and URLs with credentials, are refused in both modes (`webhook_url_not_allowed`).
    """

    description: None | str | Unset = UNSET
    enabled_events: list[WebhookEndpointUpdateEnabledEventsType0Item] | Unset = UNSET
    status: Unset | WebhookEndpointUpdateStatusType0 = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled_events: list[str] | Unset
        if isinstance(self.enabled_events, Unset):
            enabled_events = UNSET
        else:
            enabled_events = []
            for enabled_events_type_0_item_data in self.enabled_events:
                enabled_events_type_0_item = enabled_events_type_0_item_data.value
                enabled_events.append(enabled_events_type_0_item)

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status.value

        url: str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if enabled_events is not UNSET:
            field_dict["enabled_events"] = enabled_events
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_enabled_events(
            data: object,
        ) -> list[WebhookEndpointUpdateEnabledEventsType0Item] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            enabled_events_type_0 = []
            _enabled_events_type_0 = data
            for enabled_events_type_0_item_data in _enabled_events_type_0:
                enabled_events_type_0_item = (
                    WebhookEndpointUpdateEnabledEventsType0Item(
                        enabled_events_type_0_item_data
                    )
                )

                enabled_events_type_0.append(enabled_events_type_0_item)

            return enabled_events_type_0

        enabled_events = _parse_enabled_events(d.pop("enabled_events", UNSET))

        def _parse_status(data: object) -> Unset | WebhookEndpointUpdateStatusType0:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            status_type_0 = WebhookEndpointUpdateStatusType0(data)

            return status_type_0

        status = _parse_status(d.pop("status", UNSET))

        def _parse_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        webhook_endpoint_update = cls(
            description=description,
            enabled_events=enabled_events,
            status=status,
            url=url,
        )

        return webhook_endpoint_update
