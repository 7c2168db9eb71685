"""Growth from a baseline to a target in an indicator table.

Cells print their own scale: 6200亿元 → 1万亿元, 4万家 → 6万家, 84万 → 110万, so a unit is
read as a scale prefix (万, 亿, 万亿) and a base unit (元, 家, or none) before dividing.
"""

from __future__ import annotations

from decimal import Decimal

from policytui.core.model import IndicatorRow
from policytui.core.vocabulary import EXCEEDED_MARKS, split_scale


def growth(row: IndicatorRow) -> Decimal | None:
    """Target ÷ baseline, where both are printed as numbers in the same base unit; else None."""
    if row.baseline_value is None or row.target_value is None or not row.baseline_value:
        return None
    base_unit, base_factor = split_scale(row.baseline_unit or "")
    target_unit, target_factor = split_scale(row.target_unit or "")
    if base_unit != target_unit:
        return None
    return (row.target_value * target_factor) / (row.baseline_value * base_factor)


def target_is_exceeded(row: IndicatorRow) -> bool:
    """The target is printed as a line to pass (超, 突破), not a figure to meet."""
    return row.target_qualifier in EXCEEDED_MARKS
