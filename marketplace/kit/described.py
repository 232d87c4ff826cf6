"""Field types the wire schemas share, each with the description the API reference shows.

A schema states every field's meaning and unit (``msgspec.Meta(description=…)``, which the
OpenAPI document carries); these are the ones many objects have in common.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from marketplace.kit.reference import Currency

Livemode = Annotated[
    bool,
    msgspec.Meta(
        description="True for a live-mode object, false for a test-mode one: a key sees and"
        " changes objects of its own mode only"
    ),
]
CreatedAt = Annotated[datetime, msgspec.Meta(description="When it was created (UTC, ISO 8601)")]
UpdatedAt = Annotated[datetime, msgspec.Meta(description="When it last changed (UTC, ISO 8601)")]
ObjectCurrency = Annotated[
    Currency,
    msgspec.Meta(
        description="ISO 4217 code of the currency of every amount of this object; amounts are"
        " integers in its minor units (cents for EUR: 1250000 is EUR 12,500.00)"
    ),
]

# A cover's terms, as an offer states them and the cover bound on it keeps them.
InsurerId = Annotated[str, msgspec.Meta(description="The product's insurer (acct_…)")]
WaitingPeriodDays = Annotated[
    int,
    msgspec.Meta(
        description="Days from the declaration of an unpaid invoice to the claim's approval"
    ),
]
ClaimThresholdDays = Annotated[
    int, msgspec.Meta(description="Days past the due date before a claim may open")
]
OverdueDeclarationDays = Annotated[
    int,
    msgspec.Meta(
        description="Days after the due date within which an unpaid invoice must be"
        " declared overdue"
    ),
]
AmicableCollectionDays = Annotated[
    int,
    msgspec.Meta(
        description="Days of amicable collection on a claim before legal collection starts"
    ),
]
