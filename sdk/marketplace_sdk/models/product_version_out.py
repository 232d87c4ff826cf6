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

from ..models.country import Country
from ..models.sector import Sector
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.currency_terms import CurrencyTerms
    from ..models.pricing_terms import PricingTerms


T = TypeVar("T", bound="ProductVersionOut")


@_attrs_define
class ProductVersionOut:
    """
    Attributes:
        claim_threshold_days (int): Days past the due date before a claim may open (the cover period ends then)
        cover_ratios (list[float]): The shares of the invoice amount offered as insured amount, each a ratio in (0, 1];
            the first is the default when a quote asks for none
        created_at (datetime.datetime): When this version was written and came in force (UTC)
        currencies (list[CurrencyTerms]): What the product insures in each currency it takes (each once)
        max_probability_of_default (float): The highest probability of default accepted: a ratio in (0, 1] (0.06 is 6 %)
        max_tenor_days (int): The longest time from invoice issue to due date, in days
        name (str): The product's name, shown on its offers
        pricing (PricingTerms):
        product (str): The product's id (prod_…)
        version (int): The version number (1, 2, …)
        waiting_period_days (int): Days from the declaration of an unpaid invoice to the claim's approval
        amicable_collection_days (int | Unset): Days of amicable collection on a claim before legal collection starts
            Default: 60.
        countries (list[Country] | None | Unset): Buyer countries accepted (ISO 3166 alpha-2); absent or null accepts
            every country
        excluded_countries (list[Country] | Unset): Buyer countries refused (ISO 3166 alpha-2)
        excluded_sectors (list[Sector] | Unset): Buyer NACE sections refused (a letter, A-U)
        object_ (Literal['product_version'] | Unset): The kind of object: always `product_version` Default:
            'product_version'.
        overdue_declaration_days (int | Unset): Days after the due date within which the seller must declare an unpaid
            invoice overdue; a cover never declared within them ends `time_barred` Default: 30.
        quote_validity_minutes (int | Unset): How long an offer of this product may be bound, in minutes (5 to 10080, a
            week) Default: 1440.
        sectors (list[Sector] | None | Unset): Buyer NACE sections accepted (a letter, A-U); absent or null accepts
            every section
    """

    claim_threshold_days: int
    cover_ratios: list[float]
    created_at: datetime.datetime
    currencies: list[CurrencyTerms]
    max_probability_of_default: float
    max_tenor_days: int
    name: str
    pricing: PricingTerms
    product: str
    version: int
    waiting_period_days: int
    amicable_collection_days: int | Unset = 60
    countries: list[Country] | None | Unset = UNSET
    excluded_countries: list[Country] | Unset = UNSET
    excluded_sectors: list[Sector] | Unset = UNSET
    object_: Literal["product_version"] | Unset = "product_version"
    overdue_declaration_days: int | Unset = 30
    quote_validity_minutes: int | Unset = 1440
    sectors: list[Sector] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        claim_threshold_days = self.claim_threshold_days

        cover_ratios = self.cover_ratios

        created_at = self.created_at.isoformat()

        currencies = []
        for currencies_item_data in self.currencies:
            currencies_item = currencies_item_data.to_dict()
            currencies.append(currencies_item)

        max_probability_of_default = self.max_probability_of_default

        max_tenor_days = self.max_tenor_days

        name = self.name

        pricing = self.pricing.to_dict()

        product = self.product

        version = self.version

        waiting_period_days = self.waiting_period_days

        amicable_collection_days = self.amicable_collection_days

        countries: list[str] | None | Unset
        if isinstance(self.countries, Unset):
            countries = UNSET
        elif isinstance(self.countries, list):
            countries = []
            for countries_type_0_item_data in self.countries:
                countries_type_0_item = countries_type_0_item_data.value
                countries.append(countries_type_0_item)

        else:
            countries = self.countries

        excluded_countries: list[str] | Unset = UNSET
        if not isinstance(self.excluded_countries, Unset):
            excluded_countries = []
            for excluded_countries_item_data in self.excluded_countries:
                excluded_countries_item = excluded_countries_item_data.value
                excluded_countries.append(excluded_countries_item)

        excluded_sectors: list[str] | Unset = UNSET
        if not isinstance(self.excluded_sectors, Unset):
            excluded_sectors = []
            for excluded_sectors_item_data in self.excluded_sectors:
                excluded_sectors_item = excluded_sectors_item_data.value
                excluded_sectors.append(excluded_sectors_item)

        object_ = self.object_

        overdue_declaration_days = self.overdue_declaration_days

        quote_validity_minutes = self.quote_validity_minutes

        sectors: list[str] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, list):
            sectors = []
            for sectors_type_0_item_data in self.sectors:
                sectors_type_0_item = sectors_type_0_item_data.value
                sectors.append(sectors_type_0_item)

        else:
            sectors = self.sectors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_threshold_days": claim_threshold_days,
                "cover_ratios": cover_ratios,
                "created_at": created_at,
                "currencies": currencies,
                "max_probability_of_default": max_probability_of_default,
                "max_tenor_days": max_tenor_days,
                "name": name,
                "pricing": pricing,
                "product": product,
                "version": version,
                "waiting_period_days": waiting_period_days,
            }
        )
        if amicable_collection_days is not UNSET:
            field_dict["amicable_collection_days"] = amicable_collection_days
        if countries is not UNSET:
            field_dict["countries"] = countries
        if excluded_countries is not UNSET:
            field_dict["excluded_countries"] = excluded_countries
        if excluded_sectors is not UNSET:
            field_dict["excluded_sectors"] = excluded_sectors
        if object_ is not UNSET:
            field_dict["object"] = object_
        if overdue_declaration_days is not UNSET:
            field_dict["overdue_declaration_days"] = overdue_declaration_days
        if quote_validity_minutes is not UNSET:
            field_dict["quote_validity_minutes"] = quote_validity_minutes
        if sectors is not UNSET:
            field_dict["sectors"] = sectors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency_terms import CurrencyTerms  # noqa: PLC0415
        from ..models.pricing_terms import PricingTerms  # noqa: PLC0415

        d = dict(src_dict)
        claim_threshold_days = d.pop("claim_threshold_days")

        cover_ratios = cast(list[float], d.pop("cover_ratios"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currencies = []
        _currencies = d.pop("currencies")
        for currencies_item_data in _currencies:
            currencies_item = CurrencyTerms.from_dict(currencies_item_data)

            currencies.append(currencies_item)

        max_probability_of_default = d.pop("max_probability_of_default")

        max_tenor_days = d.pop("max_tenor_days")

        name = d.pop("name")

        pricing = PricingTerms.from_dict(d.pop("pricing"))

        product = d.pop("product")

        version = d.pop("version")

        waiting_period_days = d.pop("waiting_period_days")

        amicable_collection_days = d.pop("amicable_collection_days", UNSET)

        def _parse_countries(data: object) -> list[Country] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                countries_type_0 = []
                _countries_type_0 = data
                for countries_type_0_item_data in _countries_type_0:
                    countries_type_0_item = Country(countries_type_0_item_data)

                    countries_type_0.append(countries_type_0_item)

                return countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Country] | None | Unset, data)

        countries = _parse_countries(d.pop("countries", UNSET))

        _excluded_countries = d.pop("excluded_countries", UNSET)
        excluded_countries: list[Country] | Unset = UNSET
        if _excluded_countries is not UNSET:
            excluded_countries = []
            for excluded_countries_item_data in _excluded_countries:
                excluded_countries_item = Country(excluded_countries_item_data)

                excluded_countries.append(excluded_countries_item)

        _excluded_sectors = d.pop("excluded_sectors", UNSET)
        excluded_sectors: list[Sector] | Unset = UNSET
        if _excluded_sectors is not UNSET:
            excluded_sectors = []
            for excluded_sectors_item_data in _excluded_sectors:
                excluded_sectors_item = Sector(excluded_sectors_item_data)

                excluded_sectors.append(excluded_sectors_item)

        object_ = cast(Literal["product_version"] | Unset, d.pop("object", UNSET))
        if object_ != "product_version" and not isinstance(object_, Unset):
            raise ValueError(
                f"object must match const 'product_version', got '{object_}'"
            )

        overdue_declaration_days = d.pop("overdue_declaration_days", UNSET)

        quote_validity_minutes = d.pop("quote_validity_minutes", UNSET)

        def _parse_sectors(data: object) -> list[Sector] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sectors_type_0 = []
                _sectors_type_0 = data
                for sectors_type_0_item_data in _sectors_type_0:
                    sectors_type_0_item = Sector(sectors_type_0_item_data)

                    sectors_type_0.append(sectors_type_0_item)

                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Sector] | None | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        product_version_out = cls(
            claim_threshold_days=claim_threshold_days,
            cover_ratios=cover_ratios,
            created_at=created_at,
            currencies=currencies,
            max_probability_of_default=max_probability_of_default,
            max_tenor_days=max_tenor_days,
            name=name,
            pricing=pricing,
            product=product,
            version=version,
            waiting_period_days=waiting_period_days,
            amicable_collection_days=amicable_collection_days,
            countries=countries,
            excluded_countries=excluded_countries,
            excluded_sectors=excluded_sectors,
            object_=object_,
            overdue_declaration_days=overdue_declaration_days,
            quote_validity_minutes=quote_validity_minutes,
            sectors=sectors,
        )

        return product_version_out
