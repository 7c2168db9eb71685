"""Plain-text wording of amounts and statuses, shared by the CLI, the TUI and the exports."""

from __future__ import annotations

from decimal import Decimal

from policytui.core.model import Amount
from policytui.core.status import PolicyStatus
from policytui.i18n import t


def format_decimal(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 0.50 -> 0.5, 1E+3 -> 1000."""
    text = format(value.normalize(), "f")
    return text


def format_wan(yuan: Decimal) -> str:
    """Yuan as 万元, the unit the documents and meetings use."""
    return f"{format_decimal(yuan / 10_000)}万元"


def describe_amount(amount: Amount, lang: str = "zh") -> str:
    """E.g. "最高500万元（上限，一次性）", "10%（不超过，直接相关投资额）" or "金额未明确"."""
    if amount.unspecified:
        return t("amount.unspecified", lang)
    figure = f"{format_decimal(amount.value)}{amount.unit or ''}"
    notes = []
    if amount.upper_bound:
        notes.append(t("amount.upper_bound", lang))
    if amount.level:
        notes.append(t(f"level.{amount.level}", lang))
    if amount.period != "unspecified":
        notes.append(t(f"period.{amount.period}", lang))
    if amount.base and amount.is_rate:
        notes.append(amount.base)
    return f"{qualifier_prefix(amount)}{figure}" + (f"（{'，'.join(notes)}）" if notes else "")


def qualifier_prefix(amount: Amount) -> str:
    """The printed qualifiers that bound the figure, e.g. "最高" or "不低于" (not "分档择优")."""
    return "".join(q for q in amount.qualifiers if q in ("最高", "不超过", "最高不超过", "不低于", "超", "超过", "突破", "达"))


def short_status(status: PolicyStatus, lang: str = "zh") -> str:
    """A policy's status in a word or two, the draft mark first: "征求意见稿 已失效"."""
    marks = (["draft"] if status.draft else []) + [status.validity.value]
    return " ".join(t(f"status.short.{mark}", lang) for mark in marks)
