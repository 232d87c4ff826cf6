"""The declarative base: every table shares ``marketplace.db.metadata``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from marketplace.db import UtcDateTime, metadata
from marketplace.kit.clock import utc_now

ID_LENGTH = 40


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map = {datetime: UtcDateTime()}


def id_column() -> Mapped[str]:
    """A prefixed, time-ordered primary key (see ``marketplace.kit.ids``)."""
    return mapped_column(String(ID_LENGTH), primary_key=True)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(default=utc_now)
