"""The risk grade scale: a fixed letter for a band of probability of default.

======  ==================================
grade   probability of default
======  ==================================
A       below 0.5 %
B       0.5 % to below 2 %
C       2 % to below 5 %
D       5 % to below 15 %
E       15 % and above
======  ==================================

The scale is written into every artifact's ``metadata.json``; loading an artifact whose scale
differs from this one fails, so a grade always means the same band.
"""

from __future__ import annotations

GRADE_SCALE: tuple[tuple[str, float], ...] = (
    ("A", 0.005),
    ("B", 0.02),
    ("C", 0.05),
    ("D", 0.15),
    ("E", 1.0),
)
"""(grade, upper bound): a probability below the bound (and at or above the previous one)."""


def grade_for(probability_of_default: float) -> str:
    """The grade of a probability (E for anything at or above the last band's lower bound)."""
    for grade, upper_bound in GRADE_SCALE[:-1]:
        if probability_of_default < upper_bound:
            return grade
    return GRADE_SCALE[-1][0]


def grade_scale_json() -> list[dict[str, float | str | None]]:
    """The scale as stored in metadata.json (the last band has no upper bound)."""
    last = len(GRADE_SCALE) - 1
    return [
        {"grade": grade, "below": None if index == last else bound}
        for index, (grade, bound) in enumerate(GRADE_SCALE)
    ]
