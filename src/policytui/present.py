"""Plain-text wording of amounts and statuses, shared by the CLI, the TUI and the exports."""

from __future__ import annotations

from decimal import Decimal

from policytui.core.model import Amount, Clause, Policy, Topic
from policytui.core.vocabulary import ASPIRATION_MARK, PREFIX_MARKS, PROVINCES_EN, WAN, WAN_YUAN
from policytui.i18n import t


def departments_text(policy: Policy, clause: Clause, lang: str = "zh") -> str:
    """The clause's departments as printed, then those an earlier clause carries forward to it."""
    names = t("punct.list", lang).join(clause.departments)
    for source, standing in policy.carried_departments(clause):
        names += t(
            "field.departments.carried",
            lang,
            departments="、".join(standing.departments),
            label=source.label or source.local_id,
            quote=standing.quote,
        )
    return names


def format_decimal(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 0.50 -> 0.5, 1E+3 -> 1000."""
    text = format(value.normalize(), "f")
    return text


def format_wan(yuan: Decimal) -> str:
    """Yuan as 万元, the unit the documents and meetings use."""
    return f"{format_decimal(yuan / WAN)}{WAN_YUAN}"


def describe_amount(amount: Amount, lang: str = "zh") -> str:
    """E.g. "最高500万元（上限，一次性）", "10%（不超过，直接相关投资额）" or "金额未明确"."""
    if amount.value is None:  # unspecified: promised with no figure
        return t("amount.unspecified", lang)
    figure = f"{format_decimal(amount.value)}{amount.unit or ''}"
    notes = []
    if amount.upper_bound:
        notes.append(t("amount.upper_bound", lang))
    if ASPIRATION_MARK in amount.qualifiers:
        notes.append(t("amount.aspiration", lang))
    if amount.level:
        notes.append(t(f"level.{amount.level}", lang))
    if amount.period != "unspecified":
        notes.append(t(f"period.{amount.period}", lang))
    if amount.base and amount.is_rate:
        notes.append(amount.base)
    notes_text = t("punct.notes", lang, notes=t("punct.notes_sep", lang).join(notes)) if notes else ""
    return f"{qualifier_prefix(amount)}{figure}{notes_text}"


def city_name(policy: Policy, lang: str = "zh") -> str:
    """The policy's city in the UI language (city_en in English)."""
    return policy.city_en if lang == "en" and policy.city_en else policy.city


def province_name(policy: Policy, lang: str = "zh") -> str:
    """The policy's province in the UI language: in English from vocabulary.PROVINCES_EN (the
    files name it in Chinese only), "" where the file gives none or the table lacks it."""
    if lang != "en":
        return policy.province
    return PROVINCES_EN.get(policy.province.removesuffix("省"), "")


def city_with_province(policy: Policy, lang: str = "zh") -> str:
    """E.g. 南京（江苏） / Nanjing (Jiangsu), or the city alone."""
    province = province_name(policy, lang)
    city = city_name(policy, lang)
    return city + t("punct.notes", lang, notes=province) if province else city


def topic_name(topic: Topic, lang: str = "zh") -> str:
    """The topic's name in the UI language (name_en in English)."""
    return topic.name_en if lang == "en" and topic.name_en else topic.name


def qualifier_prefix(amount: Amount) -> str:
    """The printed qualifiers that bound the figure, e.g. "最高" or "不低于" (not "分档择优")."""
    return "".join(q for q in amount.qualifiers if q in PREFIX_MARKS)
