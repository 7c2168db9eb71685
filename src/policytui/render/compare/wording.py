"""Award summaries in words, in 万元: shared by the CLI, the TUI and the exports."""

from __future__ import annotations

from dataclasses import replace

from policytui.core.compare.awards import AwardSummary, Offer
from policytui.core.compare.matrix import Cell
from policytui.core.model import Amount
from policytui.core.vocabulary import WAN, WAN_YUAN
from policytui.i18n import t
from policytui.present import describe_amount, format_decimal, format_wan, qualifier_prefix


def in_wan(amount: Amount) -> Amount:
    """The same figure restated in 万元 (1亿元 -> 10000万元); rates and promises unchanged."""
    if amount.yuan is None:
        return amount
    return replace(amount, value=amount.yuan / WAN, unit=WAN_YUAN)


def describe_offer(offer: Offer, lang: str = "zh") -> str:
    """E.g. "开源项目补助：不超过直接相关投资额10%、最高100万元（上限）" or "资金奖励：金额未明确"."""
    if offer.award is None:  # a rate without a cap
        figure = describe_amount(offer.rates[0], lang)
    elif not offer.rates:
        figure = describe_amount(in_wan(offer.award), lang)
    else:
        first = offer.rates[0]
        percents = "/".join(
            f"{format_decimal(rate.value)}%" for rate in offer.rates if rate.value is not None
        )
        figure = f"{qualifier_prefix(first)}{first.base or ''}{percents}、{describe_amount(in_wan(offer.award), lang)}"
    return f"{offer.clause.label}{offer.subject}{t('punct.colon', lang)}{figure}"


def summary_lines(summary: AwardSummary, has_clauses: bool, lang: str = "zh") -> list[str]:
    """The award summary of one column: the largest figure first, then every offer."""
    if not has_clauses:
        return [t("compare.no_clause", lang)]
    if not summary.offers:
        return [t("compare.no_award", lang)]
    lines = []
    if (largest := summary.largest) is not None and largest.award is not None:  # it has a figure, so an award
        lines.append(
            t("compare.largest", lang) + t("punct.colon", lang) + describe_amount(in_wan(largest.award), lang)
        )
    return lines + [describe_offer(offer, lang) for offer in summary.offers]


def largest_text(summary: AwardSummary, lang: str = "zh") -> str:
    """The largest award in short, e.g. "最高6000万元" or "最高2000万元（每年）"; 金额未明确 or "" without one."""
    largest = summary.largest
    award = largest.award if largest is not None else None
    if award is not None and award.yuan is not None:  # the largest offer's award, which has a figure
        per_year = (
            t("punct.notes", lang, notes=t("period.per-year", lang)) if award.period == "per-year" else ""
        )
        return f"{qualifier_prefix(award)}{format_wan(award.yuan)}{per_year}"
    return t("amount.unspecified", lang) if summary.unspecified else ""


def cell_text(cell: Cell, lang: str = "zh") -> str:
    """A matrix cell: the number of clauses and the largest award, e.g. "2条 最高6000万元"."""
    if not cell.clauses:
        return "—"
    count = t("compare.clause_count", lang, n=cell.clauses)
    largest = largest_text(cell.awards, lang)
    return f"{count} {largest}" if largest else count
