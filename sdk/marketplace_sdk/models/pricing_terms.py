from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PricingTerms")


@_attrs_define
class PricingTerms:
    """
    Attributes:
        expense_loading (float): The insurer's costs, as a share of the risk premium added to it: a ratio in [0, 1)
        loss_given_default (float): Share of the insured amount lost when the buyer defaults, after expected recoveries:
            a ratio in (0, 1]
        target_loss_ratio (float): Share of the risk premium meant to pay claims: a ratio from 0.05 (below, the premium
            would be more than twenty times the expected loss) to 1
        time_loading_bps_per_year (int | Unset): A yearly rate on the insured amount, in basis points (100 = 1 %),
            charged for the invoice's tenor Default: 0.
    """

    expense_loading: float
    loss_given_default: float
    target_loss_ratio: float
    time_loading_bps_per_year: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        expense_loading = self.expense_loading

        loss_given_default = self.loss_given_default

        target_loss_ratio = self.target_loss_ratio

        time_loading_bps_per_year = self.time_loading_bps_per_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expense_loading": expense_loading,
                "loss_given_default": loss_given_default,
                "target_loss_ratio": target_loss_ratio,
            }
        )
        if time_loading_bps_per_year is not UNSET:
            field_dict["time_loading_bps_per_year"] = time_loading_bps_per_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expense_loading = d.pop("expense_loading")

        loss_given_default = d.pop("loss_given_default")

        target_loss_ratio = d.pop("target_loss_ratio")

        time_loading_bps_per_year = d.pop("time_loading_bps_per_year", UNSET)

        pricing_terms = cls(
            expense_loading=expense_loading,
            loss_given_default=loss_given_default,
            target_loss_ratio=target_loss_ratio,
            time_loading_bps_per_year=time_loading_bps_per_year,
        )

        return pricing_terms
