"""An indicator row's growth in words."""

from __future__ import annotations

from decimal import Decimal

from policytui.core.indicators import growth, target_is_exceeded
from policytui.core.model import IndicatorRow


def format_growth(row: IndicatorRow) -> str:
    """×1.61, with > for a target printed as 超 (a lower bound); "" without growth."""
    value = growth(row)
    if value is None:
        return ""
    return f"{'>' if target_is_exceeded(row) else ''}×{value.quantize(Decimal('0.01'))}"
