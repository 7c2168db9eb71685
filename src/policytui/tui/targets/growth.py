"""Growth from a baseline to a target in an indicator table (no UI here).

Cells print their own scale: 6200亿元 → 1万亿元, 4万家 → 6万家, 84万 → 110万, so a unit is
read as a scale prefix (万, 亿, 万亿) and a base unit (元, 家, or none) before dividing.
"""

from __future__ import annotations

from decimal import Decimal

from policytui.core.model import IndicatorRow

LOWER_BOUND_MARKS = ("超", "超过", "突破")  # the target is exceeded, not met exactly
_SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def split_unit(unit: str) -> tuple[str, Decimal]:
    """("元", 1e8) for 亿元; ("家", 1e4) for 万家; ("项", 1) for 项."""
    for prefix, factor in _SCALES:
        if unit.startswith(prefix):
            return unit[len(prefix):], factor
    return unit, Decimal(1)


def growth(row: IndicatorRow) -> Decimal | None:
    """Target ÷ baseline, where both are printed as numbers in the same base unit; else None."""
    if row.baseline_value is None or row.target_value is None or not row.baseline_value:
        return None
    base_unit, base_factor = split_unit(row.baseline_unit or "")
    target_unit, target_factor = split_unit(row.target_unit or "")
    if base_unit != target_unit:
        return None
    return (row.target_value * target_factor) / (row.baseline_value * base_factor)


def format_growth(row: IndicatorRow) -> str:
    """×1.61, with > for a target printed as 超 (a lower bound); "" without growth."""
    value = growth(row)
    if value is None:
        return ""
    mark = ">" if row.target_qualifier in LOWER_BOUND_MARKS else ""
    return f"{mark}×{value.quantize(Decimal('0.01'))}"
