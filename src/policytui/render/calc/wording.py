"""How the calculator words its records in either language: money, rates, bounds, steps, input errors.

The core says each step as a key with values (core/calc/trace.Step); this module turns
those values into words, so that one computation can be shown in zh and in en.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Protocol

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.inputs import FEN, InputError, Value
from policytui.core.calc.rules import Band, Condition, Recipient, Rule, RuleInput
from policytui.core.calc.trace import Bounded, Step
from policytui.core.model import Amount, Policy
from policytui.core.vocabulary import BOUND_MARKS, WAN, YI
from policytui.i18n import LANGS, STRINGS, status_warnings, t
from policytui.present import city_name, describe_amount, format_decimal, format_wan


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
    """An amount, not rounded: all its digits, as yuan (the same as format_yuan to the fen)."""
    if yuan == yuan.quantize(FEN):
        return format_yuan(yuan)
    return f"{yuan.normalize():,f}元"


def format_value(value: Value, unit: str | None) -> str:
    if isinstance(value, str):
        return value
    if unit == "元":
        return format_yuan(value)
    return f"{format_decimal(value)}{unit or ''}"


def qualified_figure(amount: Amount) -> str:
    """A figure with the words that bound it, as printed: "不超过3%", "最高10%", "不低于50%"."""
    marks = [q for q in amount.qualifiers if q in BOUND_MARKS]
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


def bounded(amount: Bounded, lang: str) -> str:
    """An amount with the bound the text puts on it: "最高 400万元", "不低于 150万元"."""
    key = "upper" if amount.upper else "lower" if amount.lower else "exact"
    return t(f"calc.headline.{key}", lang, amount=format_yuan(amount.yuan))


def headline(result: CalcResult, lang: str) -> str:
    """The result in a few words: "最高 400万元", "不符合条件（0元）", "金额未明确"."""
    if not result.eligible:
        return t("calc.headline.ineligible", lang)
    outcome = result.outcome
    return t("amount.unspecified", lang) if outcome is None else bounded(outcome, lang)


def choice_label(value: str, lang: str = "zh") -> str:
    """A choice as people say it: 国家级 for national; the value itself if it has no label."""
    for key in (f"calc.choice.{value}", f"level.{value}"):
        if key in STRINGS:
            return t(key, lang)
    return value


def choice_aliases(value: str) -> list[str]:
    """Every label of a choice, to read it typed in either language (core.calc.inputs.Aliases)."""
    return [choice_label(value, lang) for lang in LANGS]


def field_name(spec: RuleInput, lang: str) -> str:
    """How messages name a field: its label and the NAME to type on the command line."""
    return (
        f"{spec.display_label(lang)}（{spec.name}）"
        if lang == "zh"
        else f"{spec.display_label(lang)} ({spec.name})"
    )


def accepted_forms(spec: RuleInput, lang: str = "zh") -> str:
    """What may be typed into the field, to end every message about it."""
    if spec.type == "choice":
        labelled = (
            c + t("punct.notes", lang, notes=choice_label(c, lang)) if choice_label(c, lang) != c else c
            for c in spec.choices
        )
        return t("calc.forms.choice", lang, choices=t("punct.list", lang).join(labelled))
    return t(f"calc.forms.{spec.type}", lang)


def error_text(error: InputError, lang: str) -> str:
    """An input error in one line: the field, what is wrong, and what is expected."""
    return say(Step(f"calc.error.{error.code}", error.params), lang)


def say(step: Step, lang: str, rule: Rule | None = None, values: Mapping[str, Value] | None = None) -> str:
    """A step in words. `rule` and `values` word an `input` named by the step (its label and value)."""
    words: dict[str, object] = {}
    for name, value in step.params.items():
        if name == "input" and isinstance(value, str) and rule is not None:
            spec = rule.spec(value)
            words["field"] = spec.display_label(lang)
            if values is not None and value in values:
                words["value"] = format_value(values[value], spec.unit)
        elif isinstance(value, RuleInput):
            words |= {"field": field_name(value, lang), "forms": accepted_forms(value, lang)}
        else:
            words[name] = _word(name, value, lang)
    return t(step.key, lang, **words)


def _word(name: str, value: object, lang: str) -> object:
    """One value of a step in words; an int stays one (it may choose a plural)."""
    if isinstance(value, Step):
        return say(value, lang)
    if isinstance(value, Bounded):
        return bounded(value, lang)
    if isinstance(value, Decimal):
        return exact_yuan(value)
    if isinstance(value, Amount):
        return qualified_figure(value) if name == "rate" else describe_amount(value, lang)
    if isinstance(value, Condition):
        return condition_words(value, lang)
    if isinstance(value, Band):
        return tier_range(value)
    if isinstance(value, Recipient):
        return t(f"calc.recipient.{value}", lang)
    if isinstance(value, CalcResult):
        return item_name(value, lang)
    if isinstance(value, Rule):
        return value.display_name(lang)
    if isinstance(value, Policy):
        return f"{city_name(value, lang)}《{value.display_title}》"
    if value is None:
        return t("calc.none", lang)
    if isinstance(value, tuple):
        return _words(name, value, lang)
    if name == "choice" and isinstance(value, str):
        return choice_label(value, lang)
    return value


def _words(name: str, values: tuple[object, ...], lang: str) -> str:
    """A list in a step: the text's own marks, input names, or the rules an estimate names."""
    if name == "rules":
        return t("list.sep", lang).join(f"“{_word(name, r, lang)}”" for r in values)
    if name == "inputs":
        return ", ".join(map(str, values)) or t("calc.none", lang)
    if name == "cities":
        return t("list.sep", lang).join(map(str, values))
    return "、".join(str(_word(name, v, lang)) for v in values)


class Item(Protocol):
    """An estimate's item (a CalcResult, an Incomplete): a rule, about a project or a choice."""

    @property
    def rule(self) -> Rule: ...
    @property
    def label(self) -> str: ...
    @property
    def chosen(self) -> tuple[str, ...]: ...


def item_label(item: Item, lang: str) -> str:
    """What an estimate's item is about: its project, and the choice it is for (a certification)."""
    return " · ".join([*([item.label] if item.label else []), *(choice_label(c, lang) for c in item.chosen)])


def item_name(item: Item, lang: str) -> str:
    """A rule's name, and what the item is about (a project, a certification)."""
    name = item.rule.display_name(lang)
    label = item_label(item, lang)
    return name + t("punct.notes", lang, notes=label) if label else name


def steps(result: CalcResult, lang: str) -> list[str]:
    return [say(step, lang, result.rule, result.values) for step in result.steps]


def why_not(result: CalcResult, lang: str) -> str:
    """The first step that failed, for an ineligible result."""
    return "" if result.why_not is None else say(result.why_not, lang, result.rule, result.values)


def _note(kind: str, quote: str, lang: str) -> str:
    return t("calc.note.quoted", lang, note=t(f"calc.note.{kind}", lang), quote=quote)


def notes(result: CalcResult, lang: str) -> list[str]:
    """The rule's notes that apply, then its stacking group."""
    lines = [_note(n.kind, n.quote, lang) for n in result.notes]
    stacking = result.rule.stacking
    if stacking is not None:
        key = "calc.note.stacking.reading" if stacking.interpretation else "calc.note.stacking"
        lines.append(
            t(
                key,
                lang,
                group=stacking.display_name(lang),
                reason=stacking.display_reason(lang),
                quote=stacking.quote,
            )
        )
    return lines


def warnings(result: CalcResult, lang: str) -> list[str]:
    """The policy's status warnings; and an encouraged clause, which promises nothing."""
    return [
        *status_warnings(result.status, result.policy_title, lang),
        *(_note(n.kind, n.quote, lang) for n in result.notes if n.kind == "encouraged"),
    ]
