"""The claim's money, exactly: the indemnity formula with its cap and half-up rounding, and
recoveries after approval shared by the cover ratio so that the shares always add up."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from marketplace.claims.money import indemnity_minor, share_of, split_recovery

RATIOS = st.sampled_from([Decimal(r) for r in ("0.6", "0.75", "0.8", "0.85", "0.9", "0.95", "1")])
AMOUNTS = st.integers(min_value=1, max_value=10**13)


def test_the_worked_example_of_the_readme():
    # invoice 12,500.00 EUR at 90 %: insured 11,250.00; declared with 12,500.00 owed; the
    # buyer paid 2,000.00 during collection and a credit note of 500.00 came: loss 10,000.00
    assert (
        indemnity_minor(
            cover_ratio=Decimal("0.9"),
            outstanding_at_declaration_minor=1_250_000,
            recovered_before_approval_minor=200_000,
            credited_since_declaration_minor=50_000,
            insured_amount_minor=1_125_000,
        )
        == 900_000
    )
    first = split_recovery(100_001, 0, Decimal("0.9"))
    second = split_recovery(99_999, 100_001, Decimal("0.9"))
    assert (first.insurer_minor, first.seller_minor) == (90_001, 10_000)
    assert (second.insurer_minor, second.seller_minor) == (89_999, 10_000)


def test_half_a_minor_unit_rounds_up_and_the_insured_amount_caps():
    assert share_of(5, Decimal("0.9")) == 5  # 4.5 -> 5
    assert share_of(15, Decimal("0.75")) == 11  # 11.25 -> 11
    assert (
        indemnity_minor(
            cover_ratio=Decimal("0.9"),
            outstanding_at_declaration_minor=1_001,
            recovered_before_approval_minor=0,
            credited_since_declaration_minor=0,
            insured_amount_minor=900,  # floor at bind; 900.9 would round to 901
        )
        == 900
    )


@given(amounts=st.lists(AMOUNTS, min_size=1, max_size=20), ratio=RATIOS)
def test_recovery_shares_always_add_up_and_follow_the_ratio(amounts, ratio):
    recovered = insurer_total = 0
    for amount in amounts:
        split = split_recovery(amount, recovered, ratio)
        assert split.insurer_minor + split.seller_minor == amount
        assert split.insurer_minor >= 0
        assert split.seller_minor >= 0
        recovered += amount
        insurer_total += split.insurer_minor
    assert insurer_total == share_of(recovered, ratio)  # no drift across many recoveries


@given(
    owed=AMOUNTS,
    recovered=st.integers(min_value=0, max_value=10**13),
    credited=st.integers(min_value=0, max_value=10**13),
    ratio=RATIOS,
)
def test_the_indemnity_never_exceeds_the_insured_amount_nor_the_loss(
    owed, recovered, credited, ratio
):
    insured = int(owed * ratio)  # the insured amount, floored at bind
    indemnity = indemnity_minor(
        cover_ratio=ratio,
        outstanding_at_declaration_minor=owed,
        recovered_before_approval_minor=recovered,
        credited_since_declaration_minor=credited,
        insured_amount_minor=insured,
    )
    loss = max(0, owed - recovered - credited)
    assert 0 <= indemnity <= insured
    assert indemnity <= loss
    assert indemnity == min(insured, share_of(loss, ratio))
