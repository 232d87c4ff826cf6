from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.country import Country
from ..models.sector import Sector
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyerIn")


@_attrs_define
class BuyerIn:
    """
    Attributes:
        country (Country):
        registration_number (str): The company's registration number in its country (SIREN in France, company number in
            the UK); compared without spaces, dots, hyphens, slashes or a leading country code
        annual_revenue (int | None | Unset): Its yearly revenue, in minor units of the invoice currency
        avg_days_beyond_terms (float | None | Unset): How many days after the due date it pays on average (negative:
            early)
        bureau_score (int | None | Unset): A credit bureau's score, 0 (worst) to 100 (best)
        employees (int | None | Unset): How many people it employs
        name (None | str | Unset): The company's name
        payment_incidents_12m (int | None | Unset): Payment incidents known in the last 12 months
        sector (None | Sector | Unset): Its NACE section: a letter, A-U (C is manufacturing)
        years_in_business (float | None | Unset): Years since the company was founded
    """

    country: Country
    registration_number: str
    annual_revenue: int | None | Unset = UNSET
    avg_days_beyond_terms: float | None | Unset = UNSET
    bureau_score: int | None | Unset = UNSET
    employees: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    payment_incidents_12m: int | None | Unset = UNSET
    sector: None | Sector | Unset = UNSET
    years_in_business: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country.value

        registration_number = self.registration_number

        annual_revenue: int | None | Unset
        if isinstance(self.annual_revenue, Unset):
            annual_revenue = UNSET
        else:
            annual_revenue = self.annual_revenue

        avg_days_beyond_terms: float | None | Unset
        if isinstance(self.avg_days_beyond_terms, Unset):
            avg_days_beyond_terms = UNSET
        else:
            avg_days_beyond_terms = self.avg_days_beyond_terms

        bureau_score: int | None | Unset
        if isinstance(self.bureau_score, Unset):
            bureau_score = UNSET
        else:
            bureau_score = self.bureau_score

        employees: int | None | Unset
        if isinstance(self.employees, Unset):
            employees = UNSET
        else:
            employees = self.employees

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        payment_incidents_12m: int | None | Unset
        if isinstance(self.payment_incidents_12m, Unset):
            payment_incidents_12m = UNSET
        else:
            payment_incidents_12m = self.payment_incidents_12m

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        elif isinstance(self.sector, Sector):
            sector = self.sector.value
        else:
            sector = self.sector

        years_in_business: float | None | Unset
        if isinstance(self.years_in_business, Unset):
            years_in_business = UNSET
        else:
            years_in_business = self.years_in_business

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "registration_number": registration_number,
            }
        )
        if annual_revenue is not UNSET:
            field_dict["annual_revenue"] = annual_revenue
        if avg_days_beyond_terms is not UNSET:
            field_dict["avg_days_beyond_terms"] = avg_days_beyond_terms
        if bureau_score is not UNSET:
            field_dict["bureau_score"] = bureau_score
        if employees is not UNSET:
            field_dict["employees"] = employees
        if name is not UNSET:
            field_dict["name"] = name
        if payment_incidents_12m is not UNSET:
            field_dict["payment_incidents_12m"] = payment_incidents_12m
        if sector is not UNSET:
            field_dict["sector"] = sector
        if years_in_business is not UNSET:
            field_dict["years_in_business"] = years_in_business

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = Country(d.pop("country"))

        registration_number = d.pop("registration_number")

        def _parse_annual_revenue(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_revenue = _parse_annual_revenue(d.pop("annual_revenue", UNSET))

        def _parse_avg_days_beyond_terms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_days_beyond_terms = _parse_avg_days_beyond_terms(
            d.pop("avg_days_beyond_terms", UNSET)
        )

        def _parse_bureau_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bureau_score = _parse_bureau_score(d.pop("bureau_score", UNSET))

        def _parse_employees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees = _parse_employees(d.pop("employees", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_payment_incidents_12m(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_incidents_12m = _parse_payment_incidents_12m(
            d.pop("payment_incidents_12m", UNSET)
        )

        def _parse_sector(data: object) -> None | Sector | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sector_type_0 = Sector(data)

                return sector_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sector | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_years_in_business(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        years_in_business = _parse_years_in_business(d.pop("years_in_business", UNSET))

        buyer_in = cls(
            country=country,
            registration_number=registration_number,
            annual_revenue=annual_revenue,
            avg_days_beyond_terms=avg_days_beyond_terms,
            bureau_score=bureau_score,
            employees=employees,
            name=name,
            payment_incidents_12m=payment_incidents_12m,
            sector=sector,
            years_in_business=years_in_business,
        )

        return buyer_in
