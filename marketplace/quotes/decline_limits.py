"""The limit a decline reason crossed, as integrators read it: one object tagged by ``kind``.

=========  ==========================================  ======================================
kind       fields                                      reasons
=========  ==========================================  ======================================
amount     ``amount`` (integer, minor units),          amount_below_minimum,
           ``currency``                                amount_above_maximum, capacity_exceeded,
                                                       buyer_limit_reduced, buyer_stopped,
                                                       premium_exceeds_cover
days       ``days`` (integer)                          tenor_too_long
ratio      ``ratio`` (number, 0 to 1)                  risk_too_high
ratios     ``ratios`` (numbers)                        cover_ratio_not_offered (those offered)
accepted   ``values`` (strings)                        currency_not_supported, country_excluded,
                                                       sector_excluded (the values accepted)
excluded   ``values`` (strings)                        country_excluded, sector_excluded (the
                                                       values excluded)
=========  ==========================================  ======================================

Quotes stored before limits were tagged hold a bare number or a list of strings: ``readable``
turns such a stored decline into this shape when it is read (the reason's code says what the
number was; an amount is in the quote's currency).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from marketplace.underwriting import appetite


class AmountLimit(msgspec.Struct, tag_field="kind", tag="amount"):
    """An amount: a minimum, maximum, capacity or limit."""

    amount: Annotated[int, msgspec.Meta(description="In minor units of `currency`.")]
    currency: Annotated[str, msgspec.Meta(description="ISO 4217 code, e.g. EUR.")]


class DaysLimit(msgspec.Struct, tag_field="kind", tag="days"):
    """A number of days: the longest tenor accepted."""

    days: Annotated[int, msgspec.Meta(description="Days from issue date to due date.")]


class RatioLimit(msgspec.Struct, tag_field="kind", tag="ratio"):
    """A ratio: the highest probability of default accepted."""

    ratio: Annotated[float, msgspec.Meta(description="Between 0 and 1 (0.06 is 6 %).")]


class RatiosLimit(msgspec.Struct, tag_field="kind", tag="ratios"):
    """The cover ratios the product offers."""

    ratios: Annotated[list[float], msgspec.Meta(description="Each between 0 and 1.")]


class AcceptedLimit(msgspec.Struct, tag_field="kind", tag="accepted"):
    """The only values accepted (currencies, countries, NACE sectors)."""

    values: Annotated[list[str], msgspec.Meta(description="As sent in a quote, e.g. FR, C.")]


class ExcludedLimit(msgspec.Struct, tag_field="kind", tag="excluded"):
    """The values excluded (countries, NACE sectors)."""

    values: Annotated[list[str], msgspec.Meta(description="As sent in a quote, e.g. RU, K.")]


DeclineLimit = AmountLimit | DaysLimit | RatioLimit | RatiosLimit | AcceptedLimit | ExcludedLimit
"""The limit crossed, tagged by ``kind`` (see the module docstring)."""

_AMOUNT_CODES = frozenset(
    (
        "amount_below_minimum",
        "amount_above_maximum",
        "capacity_exceeded",
        "buyer_limit_reduced",
        "buyer_stopped",
        "premium_exceeds_cover",
    )
)


def limit_out(limit: appetite.Limit) -> DeclineLimit:
    """The wire shape of an appetite limit."""
    match limit:
        case appetite.AmountLimit(amount_minor, currency):
            return AmountLimit(amount=amount_minor, currency=currency)
        case appetite.DaysLimit(days):
            return DaysLimit(days=days)
        case appetite.RatioLimit(ratio):
            return RatioLimit(ratio=ratio)
        case appetite.RatiosLimit(ratios):
            return RatiosLimit(ratios=list(ratios))
        case appetite.ValuesLimit(values, excluded=True):
            return ExcludedLimit(values=list(values))
        case appetite.ValuesLimit(values):
            return AcceptedLimit(values=list(values))
    raise TypeError(f"not a decline limit: {limit!r}")


def limit_document(limit: appetite.Limit) -> dict[str, Any]:
    """The limit as stored in a quote's declines (the wire shape, as JSON)."""
    document: dict[str, Any] = msgspec.to_builtins(limit_out(limit))
    return document


def _stored_limit(reason: dict[str, Any], currency: str) -> dict[str, Any] | None:
    """A limit stored before limits were tagged (a number or a list of strings), tagged."""
    code, limit = reason["code"], reason.get("limit")
    if limit is None or isinstance(limit, dict):
        return limit
    if isinstance(limit, list):
        if code == "cover_ratio_not_offered":
            return {"kind": "ratios", "ratios": [float(ratio) for ratio in limit]}
        # Stored messages said "Buyer country RU is excluded" when the list was the excluded one.
        kind = "excluded" if str(reason.get("message", "")).endswith(" is excluded") else "accepted"
        return {"kind": kind, "values": [str(value) for value in limit]}
    if code in _AMOUNT_CODES:
        return {"kind": "amount", "amount": int(limit), "currency": currency}
    if code == "tenor_too_long":
        return {"kind": "days", "days": int(limit)}
    return {"kind": "ratio", "ratio": float(limit)}


def readable(declines: list[dict[str, Any]], currency: str) -> list[dict[str, Any]]:
    """A quote's stored declines in today's shape (``currency``: the quote's)."""
    return [
        decline
        | {
            "reasons": [
                reason | {"limit": _stored_limit(reason, currency)} for reason in decline["reasons"]
            ]
        }
        for decline in declines
    ]
