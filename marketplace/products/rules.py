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
            message = f"{limits.currency.value} is listed twice"
            errors.append(FieldError(f"{where}.currency", message, "listed_twice"))
        seen.add(limits.currency)
        if limits.amount_min > limits.amount_max:
            message = "amount_min is above amount_max"
            errors.append(FieldError(f"{where}.amount_min", message, "min_above_max"))
    return errors


def _list_errors(terms: ProductTerms) -> list[FieldError]:
    errors = []
    for accepted, excluded, name in (
        (terms.countries, terms.excluded_countries, "countries"),
        (terms.sectors, terms.excluded_sectors, "sectors"),
    ):
        if accepted is not None and not accepted:
            message = f"an empty list accepts nothing; omit {name} to accept all"
            errors.append(FieldError(name, message, "accepts_nothing"))
        both = ", ".join(
            sorted({value.value for value in accepted or ()} & {e.value for e in excluded})
        )
        if both:
            message = f"both accepted and excluded: {both}"
            errors.append(FieldError(f"excluded_{name}", message, "accepted_and_excluded"))
    if len(set(terms.cover_ratios)) != len(terms.cover_ratios):
        errors.append(FieldError("cover_ratios", "a cover ratio is listed twice", "listed_twice"))
    return errors


def check_terms(terms: ProductTerms) -> None:
    """Refuse contradictory terms, naming every field at fault."""
    errors = _currency_errors(terms) + _list_errors(terms)
    if errors:
        first = errors[0]
        raise InvalidProductTerms(
            f"{first.message} ({first.param})", param=first.param, errors=errors
        )
