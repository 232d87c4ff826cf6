"""Every bad field of a body, found piece by piece, agrees with msgspec's strict decoding: no
error where msgspec accepts, at least one where it refuses, and the first is msgspec's own."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.kit.field_errors import (
    MAX_FIELD_ERRORS,
    code_of,
    every_field_error,
    failure_of,
)
from marketplace.products.schemas import ProductTerms
from marketplace.quotes.schemas import QuoteCreate
from tests.factories import product_terms, quote_request

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
    | st.sampled_from(["EUR", "C", "FR", "2026-12-01", "0.9", "100", ""]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text("abcdefghijklmnopqrstuvwxyz_", max_size=3), inner)
    ),
    max_leaves=6,
)
BODIES = [(QuoteCreate, quote_request), (ProductTerms, product_terms)]


def _paths(document: Any, path: str = "") -> list[str]:
    """Every field and list item of a plain JSON document, as dotted paths."""
    found = [path] if path else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, f"{path}.{key}" if path else key)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, f"{path}[{index}]")
    return found


def _changed(document: Any, path: str, change: str, value: Any) -> Any:
    """``document`` with the field at ``path`` replaced, removed, or given an unknown sibling."""
    parent, key = _parent(document, path)
    if change == "replace":
        parent[key] = value
    elif change == "remove" and isinstance(parent, dict):
        del parent[key]
    elif isinstance(parent, dict):
        parent[f"{key}_typo"] = value
    return document


def _parent(document: Any, path: str) -> tuple[Any, Any]:
    steps = path.replace("[", ".[").split(".")
    parent = document
    for step in steps[:-1]:
        parent = parent[int(step[1:-1])] if step.startswith("[") else parent[step]
    last = steps[-1]
    return parent, int(last[1:-1]) if last.startswith("[") else last


def _msgspec_first(body_type: Any, document: Any) -> str | None:
    """The path of the first error msgspec's strict JSON decoder reports, None if it accepts."""
    try:
        msgspec.json.decode(json.dumps(document).encode(), type=body_type, strict=True)
    except msgspec.ValidationError as error:
        return failure_of(error).path
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_fields_found_agree_with_msgspec(data: st.DataObject) -> None:
    body_type, factory = data.draw(st.sampled_from(BODIES))
    document = factory()
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(document)
        if not paths:
            break
        document = _changed(
            document,
            data.draw(st.sampled_from(paths)),
            data.draw(st.sampled_from(["replace", "remove", "unknown"])),
            data.draw(JSON_VALUES),
        )
    first = _msgspec_first(body_type, document)
    found = every_field_error(body_type, document)
    if first is None:
        assert found == []
    else:
        assert found, first
        # msgspec does not say which entry of a dict is bad (``metadata[...]``); we do
        where, _, _ = first.partition("[...]")
        assert found[0].path == first if where == first else found[0].path.startswith(where)
        assert len({f.path for f in found}) == len(found)  # one error per field


def test_every_bad_field_is_named_with_its_code_in_document_order() -> None:
    body = quote_request()
    body["invoice"]["amount"] = "100"
    body["invoice"]["currency"] = "XXX"
    del body["invoice"]["due_date"]
    body["buyer"]["sector"] = "Z"
    body["buyer"]["employees"] = -1
    body["cover_ratios"] = [0.9, 1.5]
    body["sellr"] = "acct_x"

    found = [(f.path, f.code) for f in every_field_error(QuoteCreate, body)]

    assert found == [
        ("invoice.amount", "wrong_type"),
        ("invoice.currency", "invalid_choice"),
        ("invoice.due_date", "missing_field"),
        ("buyer.sector", "invalid_choice"),
        ("buyer.employees", "too_small"),
        ("cover_ratios[1]", "too_large"),
        ("sellr", "unknown_field"),
    ]


def test_a_list_too_long_is_named_after_its_bad_items() -> None:
    body = quote_request() | {"cover_ratios": [0.5] * 10 + ["0.9"]}
    found = [(f.path, f.code) for f in every_field_error(QuoteCreate, body)]
    assert found == [("cover_ratios[10]", "wrong_type"), ("cover_ratios", "too_long")]


def test_an_unknown_field_names_the_fields_there_are() -> None:
    [unknown] = every_field_error(QuoteCreate, quote_request() | {"sellr": "x"})
    assert "seller" in unknown.message


def test_a_value_of_the_wrong_kind_is_one_error_not_its_insides() -> None:
    found = every_field_error(QuoteCreate, quote_request() | {"invoice": [1, 2]})
    assert [(f.path, f.code) for f in found] == [("invoice", "wrong_type")]


class Tagged(msgspec.Struct, forbid_unknown_fields=True):
    labels: dict[str, int] = {}
    counts: list[int] = []


def test_the_few_bad_entries_of_long_lists_and_dicts_are_each_named() -> None:
    labels: dict[str, Any] = {f"k{i}": i for i in range(1_000)}
    labels |= {"k10": "ten", "k999": None}
    counts: list[Any] = [*range(500), "x", *range(500), 1.5]
    found = every_field_error(Tagged, {"labels": labels, "counts": counts})
    assert [(f.path, f.code) for f in found] == [
        ("labels.k10", "wrong_type"),
        ("labels.k999", "wrong_type"),
        ("counts[500]", "wrong_type"),
        ("counts[1001]", "wrong_type"),
    ]


def test_at_most_a_hundred_errors_are_listed() -> None:
    body = product_terms(cover_ratios=["x"] * 500)
    assert len(every_field_error(ProductTerms, body)) == MAX_FIELD_ERRORS


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("Object contains unknown field `x`", "unknown_field"),
        ("Object missing required field `x`", "missing_field"),
        ("Expected `int`, got `str`", "wrong_type"),
        ("Expected `int` >= 1", "too_small"),
        ("Expected `float` > 0.0", "too_small"),
        ("Expected `int` <= 2147483647", "too_large"),
        ("Expected `str` of length >= 1", "too_short"),
        ("Expected `array` of length <= 10", "too_long"),
        ("Expected `str` matching regex '^a$'", "pattern_mismatch"),
        ("Invalid enum value 'Z'", "invalid_choice"),
        ("Invalid RFC3339 encoded date", "invalid_format"),
        ("Something else entirely", "invalid_value"),
    ],
)
def test_each_kind_of_message_has_its_code(message: str, code: str) -> None:
    assert code_of(message) == code
