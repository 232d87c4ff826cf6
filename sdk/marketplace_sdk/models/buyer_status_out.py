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

from ..models.buyer_status_out_status import BuyerStatusOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.latest_signal import LatestSignal
    from ..models.limit_change import LimitChange


T = TypeVar("T", bound="BuyerStatusOut")


@_attrs_define
class BuyerStatusOut:
    """
    Attributes:
        country (str): The buyer's country (ISO 3166 alpha-2)
        id (str): The buyer's id (buy_…)
        latest_signal (LatestSignal | None): The signal recorded last (null: none yet)
        livemode (bool): True for a live-mode object, false for a test-mode one: a key sees and changes objects of its
            own mode only
        registration_number (str): The registration number as compared (see `BuyerOut`)
        status (BuyerStatusOutStatus): The marketplace-wide monitoring status, set by signals: `normal`, `watch`, `stop`
            (no new cover) or `insolvent` (no new cover; insolvency claims open)
        status_changed_at (datetime.datetime | None): When `status` last changed (UTC); null while never changed
        limit_change (LimitChange | None | Unset): In an alert about an insurer's lower limit: that limit
        object_ (Literal['buyer'] | Unset): The kind of object: always `buyer` Default: 'buyer'.
    """

    country: str
    id: str
    latest_signal: LatestSignal | None
    livemode: bool
    registration_number: str
    status: BuyerStatusOutStatus
    status_changed_at: datetime.datetime | None
    limit_change: LimitChange | None | Unset = UNSET
    object_: Literal["buyer"] | Unset = "buyer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.latest_signal import LatestSignal  # noqa: PLC0415
        from ..models.limit_change import LimitChange  # noqa: PLC0415

        country = self.country

        id = self.id

        latest_signal: dict[str, Any] | None
        if isinstance(self.latest_signal, LatestSignal):
            latest_signal = self.latest_signal.to_dict()
        else:
            latest_signal = self.latest_signal

        livemode = self.livemode

        registration_number = self.registration_number

        status = self.status.value

        status_changed_at: None | str
        if isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        limit_change: dict[str, Any] | None | Unset
        if isinstance(self.limit_change, Unset):
            limit_change = UNSET
        elif isinstance(self.limit_change, LimitChange):
            limit_change = self.limit_change.to_dict()
        else:
            limit_change = self.limit_change

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "id": id,
                "latest_signal": latest_signal,
                "livemode": livemode,
                "registration_number": registration_number,
                "status": status,
                "status_changed_at": status_changed_at,
            }
        )
        if limit_change is not UNSET:
            field_dict["limit_change"] = limit_change
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.latest_signal import LatestSignal  # noqa: PLC0415
        from ..models.limit_change import LimitChange  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        id = d.pop("id")

        def _parse_latest_signal(data: object) -> LatestSignal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_signal_type_0 = LatestSignal.from_dict(data)

                return latest_signal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LatestSignal | None, data)

        latest_signal = _parse_latest_signal(d.pop("latest_signal"))

        livemode = d.pop("livemode")

        registration_number = d.pop("registration_number")

        status = BuyerStatusOutStatus(d.pop("status"))

        def _parse_status_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        def _parse_limit_change(data: object) -> LimitChange | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_change_type_0 = LimitChange.from_dict(data)

                return limit_change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitChange | None | Unset, data)

        limit_change = _parse_limit_change(d.pop("limit_change", UNSET))

        object_ = cast(Literal["buyer"] | Unset, d.pop("object", UNSET))
        if object_ != "buyer" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'buyer', got '{object_}'")

        buyer_status_out = cls(
            country=country,
            id=id,
            latest_signal=latest_signal,
            livemode=livemode,
            registration_number=registration_number,
            status=status,
            status_changed_at=status_changed_at,
            limit_change=limit_change,
            object_=object_,
        )

        buyer_status_out.additional_properties = d
        return buyer_status_out

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
