"""How the calculator words money, rates and bounds in its steps (both languages)."""

from __future__ import annotations

from decimal import Decimal

from policytui.core.calc.rules import Band, Condition
from policytui.core.model import Amount
from policytui.i18n import t
from policytui.present import format_decimal, format_wan

YI = Decimal(100_000_000)
WAN = Decimal(10_000)


def format_yuan(yuan: Decimal) -> str:
    """Money as the documents print it: 亿元 or 万元 when whole, else yuan to the fen."""
    if not yuan:
        return "0元"
    if yuan % YI == 0:
        return f"{format_decimal(yuan / YI)}亿元"
    if yuan % WAN == 0:
        return format_wan(yuan)
    return f"{yuan:,.2f}元"


def exact_yuan(yuan: Decimal) -> str:
    """An intermediate amount, not yet rounded: all its digits, as yuan."""
    if yuan == yuan.quantize(Decimal("0.01")):
        return format_yuan(yuan)
    return f"{yuan.normalize():,f}元"


def format_value(value: Decimal | str, unit: str | None) -> str:
    if isinstance(value, str):
        return value
    if unit == "元":
        return format_yuan(value)
    return f"{format_decimal(value)}{unit or ''}"


def qualified_figure(amount: Amount) -> str:
    """A figure with the words that bound it, as printed: "不超过3%", "最高10%", "不低于50%"."""
    marks = [q for q in amount.qualifiers if q in ("最高不超过", "最高", "不超过", "不低于")]
    return f"{''.join(marks)}{amount.printed}"


def condition_words(condition: Condition, lang: str) -> str:
    """E.g. "≥ 2000万元" with the operator spelled as a symbol both languages read."""
    return f"{t(f'calc.op.{condition.op}', lang)} {condition.printed}"


def tier_range(tier: Band) -> str:
    """E.g. "[1亿元, 5亿元)": brackets show which ends are included."""
    left = "[" if tier.lower.inclusive else "("
    if tier.upper is None:
        return f"{left}{tier.lower.printed}, ∞)"
    right = "]" if tier.upper.inclusive else ")"
    return f"{left}{tier.lower.printed}, {tier.upper.printed}{right}"
