from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.readiness_database import ReadinessDatabase
from ..models.readiness_migrations import ReadinessMigrations
from ..models.readiness_status import ReadinessStatus
from ..models.readiness_writes import ReadinessWrites

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        database (ReadinessDatabase): Whether the database answers
        head_revision (None | str): The code's latest migration revision
        migrations (ReadinessMigrations): Whether the database schema is at the code's migration
        revision (None | str): The database's migration revision
        status (ReadinessStatus): `ready` when every check below passes
        writes (ReadinessWrites): `ok`: a write was committed; `failing`: the write probe failed, or a request met a
            storage fault just now; `unknown`: not tried
    """

    database: ReadinessDatabase
    head_revision: None | str
    migrations: ReadinessMigrations
    revision: None | str
    status: ReadinessStatus
    writes: ReadinessWrites
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database = self.database.value

        head_revision: None | str
        head_revision = self.head_revision

        migrations = self.migrations.value

        revision: None | str
        revision = self.revision

        status = self.status.value

        writes = self.writes.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "head_revision": head_revision,
                "migrations": migrations,
                "revision": revision,
                "status": status,
                "writes": writes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        database = ReadinessDatabase(d.pop("database"))

        def _parse_head_revision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        head_revision = _parse_head_revision(d.pop("head_revision"))

        migrations = ReadinessMigrations(d.pop("migrations"))

        def _parse_revision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revision = _parse_revision(d.pop("revision"))

        status = ReadinessStatus(d.pop("status"))

        writes = ReadinessWrites(d.pop("writes"))

        readiness = cls(
            database=database,
            head_revision=head_revision,
            migrations=migrations,
            revision=revision,
            status=status,
            writes=writes,
        )

        readiness.additional_properties = d
        return readiness

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
