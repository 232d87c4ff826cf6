from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_endpoint_create_enabled_events_item import (
    WebhookEndpointCreateEnabledEventsItem,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointCreate")


@_attrs_define
class WebhookEndpointCreate:
    """
    Attributes:
        enabled_events (list[WebhookEndpointCreateEnabledEventsItem]): The events to receive: exact types
            (`cover.activated`), every type about one kind of object (`cover.*`) or `*` for every type.
        url (str): Where events are POSTed: `https` (test mode also takes `http`); in live mode a host that resolves to
            public addresses only, in test mode also loopback (`localhost`, 127.0.0.1). Private, link-local and metadata
            addresses, and URLs with credentials, are refused in both modes (`webhook_url_not_allowed`).
        description (None | str | Unset): Your note about the endpoint (at most 500 characters)
    """

    enabled_events: list[WebhookEndpointCreateEnabledEventsItem]
    url: str
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled_events = []
        for enabled_events_item_data in self.enabled_events:
            enabled_events_item = enabled_events_item_data.value
            enabled_events.append(enabled_events_item)

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "enabled_events": enabled_events,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled_events = []
        _enabled_events = d.pop("enabled_events")
        for enabled_events_item_data in _enabled_events:
            enabled_events_item = WebhookEndpointCreateEnabledEventsItem(
                enabled_events_item_data
            )

            enabled_events.append(enabled_events_item)

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        webhook_endpoint_create = cls(
            enabled_events=enabled_events,
            url=url,
            description=description,
        )

        return webhook_endpoint_create
