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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_data import EventData


T = TypeVar("T", bound="EventOut")


@_attrs_define
class EventOut:
    """
    Attributes:
        account (str): The account the object belongs to (acct_…; for a cover, who bound it)
        created (datetime.datetime): When the change was made (UTC)
        data (EventData):
        id (str): The event's id (evt_…); also the `webhook-id` header of its deliveries, the same on every retry
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        sequence (int): Increases by one with each event about the same object, in the order the changes were made: an
            event whose sequence is not above the last one you applied is stale
        type_ (str): What happened: `<object>.<change>`, such as `cover.activated` (the webhooks section lists every
            type)
        object_ (Literal['event'] | Unset): The kind of object: always `event` Default: 'event'.
    """

    account: str
    created: datetime.datetime
    data: EventData
    id: str
    livemode: bool
    sequence: int
    type_: str
    object_: Literal["event"] | Unset = "event"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        created = self.created.isoformat()

        data = self.data.to_dict()

        id = self.id

        livemode = self.livemode

        sequence = self.sequence

        type_ = self.type_

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "created": created,
                "data": data,
                "id": id,
                "livemode": livemode,
                "sequence": sequence,
                "type": type_,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData  # noqa: PLC0415

        d = dict(src_dict)
        account = d.pop("account")

        created = datetime.datetime.fromisoformat(d.pop("created"))

        data = EventData.from_dict(d.pop("data"))

        id = d.pop("id")

        livemode = d.pop("livemode")

        sequence = d.pop("sequence")

        type_ = d.pop("type")

        object_ = cast(Literal["event"] | Unset, d.pop("object", UNSET))
        if object_ != "event" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'event', got '{object_}'")

        event_out = cls(
            account=account,
            created=created,
            data=data,
            id=id,
            livemode=livemode,
            sequence=sequence,
            type_=type_,
            object_=object_,
        )

        event_out.additional_properties = d
        return event_out

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
