"""Rules on product terms that a schema cannot say (one field against another)."""

from __future__ import annotations

from marketplace.errors import FieldError, RuleViolation
from marketplace.products.schemas import ProductTerms


class InvalidProductTerms(RuleViolation):
    code = "invalid_product_terms"
    title = "The product terms contradict themselves"


def _currency_errors(terms: ProductTerms) -> list[FieldError]:
    errors, seen = [], set()
    for index, limits in enumerate(terms.currencies):
        where = f"currencies[{index}]"
        if limits.currency in seen:
            errors.append(FieldError(f"{where}.currency", f"{limits.currency} is listed twice"))
        seen.add(limits.currency)
        if limits.amount_min > limits.amount_max:
            errors.append(FieldError(f"{where}.amount_min", "amount_min is above amount_max"))
    return errors


def _list_errors(terms: ProductTerms) -> list[FieldError]:
    errors = []
    for accepted, excluded, name in (
        (terms.countries, terms.excluded_countries, "countries"),
        (terms.sectors, terms.excluded_sectors, "sectors"),
    ):
        if accepted is not None and not accepted:
            errors.append(
                FieldError(name, f"an empty list accepts nothing; omit {name} to accept all")
            )
        both = sorted(set(accepted or ()) & set(excluded))
        if both:
            errors.append(FieldError(f"excluded_{name}", f"both accepted and excluded: {both}"))
    if len(set(terms.cover_ratios)) != len(terms.cover_ratios):
        errors.append(FieldError("cover_ratios", "a cover ratio is listed twice"))
    return errors


def check_terms(terms: ProductTerms) -> None:
    """Refuse contradictory terms, naming every field at fault."""
    errors = _currency_errors(terms) + _list_errors(terms)
    if errors:
        first = errors[0]
        raise InvalidProductTerms(
            f"{first.message} ({first.param})", param=first.param, errors=errors
        )
