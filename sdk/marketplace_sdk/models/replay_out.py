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

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplayOut")


@_attrs_define
class ReplayOut:
    """
    Attributes:
        endpoint (str): The endpoint (we_…)
        events_scheduled (int): How many events will be sent again
        since (datetime.datetime): The window's start (UTC), included
        until (datetime.datetime): The window's end (UTC), excluded
        object_ (Literal['replay'] | Unset): The kind of object: always `replay` Default: 'replay'.
    """

    endpoint: str
    events_scheduled: int
    since: datetime.datetime
    until: datetime.datetime
    object_: Literal["replay"] | Unset = "replay"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint

        events_scheduled = self.events_scheduled

        since = self.since.isoformat()

        until = self.until.isoformat()

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint": endpoint,
                "events_scheduled": events_scheduled,
                "since": since,
                "until": until,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        endpoint = d.pop("endpoint")

        events_scheduled = d.pop("events_scheduled")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        object_ = cast(Literal["replay"] | Unset, d.pop("object", UNSET))
        if object_ != "replay" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'replay', got '{object_}'")

        replay_out = cls(
            endpoint=endpoint,
            events_scheduled=events_scheduled,
            since=since,
            until=until,
            object_=object_,
        )

        replay_out.additional_properties = d
        return replay_out

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
