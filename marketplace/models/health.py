"""The readiness probe's one row: ``/ready`` rewrites it to prove the database takes writes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import Base

PROBE_ROW_ID = 1


class ReadinessProbe(Base):
    """One row, stamped with the time of the last successful write probe."""

    __tablename__ = "readiness_probe"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    checked_at: Mapped[datetime]
