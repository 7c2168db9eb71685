"""Evaluate one rule on read inputs: eligibility, the amount in Decimal yuan, and every step.

Amounts are exact to the fen. Where a figure is a ceiling (最高, 不超过) the most that
may be paid is the amount rounded down to the fen; where it is a floor (不低于) the
least that must be paid is rounded up. Either way the result never claims more than
the text says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from policytui.core.calc.inputs import (
    FEN,
    InputError,
    Value,
    accepted_forms,
    choice_label,
    field_name,
    parse_inputs,
)
from policytui.core.calc.rules import Rule, Tier
from policytui.core.calc.wording import condition_words, format_value, format_yuan, qualified_figure, tier_range
from policytui.core.model import Amount, Library
from policytui.core.status import policy_status
from policytui.i18n import status_warnings, t
from policytui.present import describe_amount

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class CalcResult:
    rule: Rule
    values: Mapping[str, Value]
    eligible: bool
    amount_yuan: Decimal | None  # None: the text gives no figure
    upper_bound: bool
    lower_bound: bool
    cap_yuan: Decimal | None
    steps: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    as_of: date
    tier: Tier | None = None
    label: str = ""  # what this result is about in an estimate: a project's name, a certification
    why_not: str = ""  # for an ineligible result: the first step that failed
    lang: str = field(default="zh", compare=False)

    @property
    def citation(self) -> str:
        return self.rule.text

    @property
    def clause_id(self) -> str:
        return self.rule.clause_id

    @property
    def headline(self) -> str:
        """The result in a few words: "最高 400万元", "不符合条件（0元）", "金额未明确"."""
        if not self.eligible:
            return t("calc.headline.ineligible", self.lang)
        if self.amount_yuan is None:
            return t("amount.unspecified", self.lang)
        return bounded(self.amount_yuan, self.upper_bound, self.lower_bound, self.lang)


def bounded(amount: Decimal, upper: bool, lower: bool, lang: str) -> str:
    """An amount with the bound the text puts on it: "最高 400万元", "不低于 150万元"."""
    key = "upper" if upper else "lower" if lower else "exact"
    return t(f"calc.headline.{key}", lang, amount=format_yuan(amount))


def calculate(library: Library, rule: Rule, raw: Mapping[str, str], as_of: date, lang: str = "zh") -> CalcResult:
    """Read `raw` and evaluate; raises the first InputError (in the rule's input order)."""
    values, errors = parse_inputs(rule, raw, lang)
    if errors:
        raise next(iter(errors.values()))
    return evaluate(rule, values, library, as_of, lang)


def evaluate(rule: Rule, values: Mapping[str, Value], library: Library, as_of: date,
             lang: str = "zh", label: str = "") -> CalcResult:
    missing = [spec for spec in rule.inputs if spec.name not in values]
    if missing:
        raise InputError(missing[0].name, t("calc.error.missing", lang, field=field_name(missing[0], lang),
                                            forms=accepted_forms(missing[0], lang)))
    return _Evaluation(rule, values, library, as_of, lang, label).run()


class _Evaluation:
    def __init__(self, rule: Rule, values: Mapping[str, Value], library: Library, as_of: date,
                 lang: str, label: str) -> None:
        self.rule, self.values, self.library, self.as_of, self.lang, self.label = (
            rule, dict(values), library, as_of, lang, label)
        self.steps: list[str] = []
        self.why_not = ""

    def say(self, key: str, **values: object) -> None:
        self.steps.append(t(key, self.lang, **values))

    def run(self) -> CalcResult:
        rule = self.rule
        if rule.applies_to:
            self.say("calc.step.applies_to", quote=rule.applies_to)
        if rule.recipient != "firm":
            self.say("calc.step.recipient", recipient=t(f"calc.recipient.{rule.recipient}", self.lang))
        if not self._conditions_hold():
            return self._result(eligible=False, amount=Decimal(0))
        tier = None
        if rule.kind == "tiered-rate":
            tier = self._tier()
            if tier is None:
                return self._result(eligible=False, amount=Decimal(0))
            amount = self._apply_rate(tier.rate)
        elif rule.kind == "rate":
            amount = self._apply_rate(rule.rate)
        elif rule.kind == "by-level":
            amount = self._by_level()
        elif rule.kind == "fixed":
            self.say("calc.step.award", figure=describe_amount(rule.award, self.lang), quote=rule.award.quote)
            amount = rule.award.yuan
        else:
            self.say("calc.step.unspecified", quote=rule.award.quote)
            amount = None
        if amount is not None:
            amount = self._over_years(self._to_fen(self._capped(amount)))
            self._say_bound()
            self.say("calc.step.result", amount=bounded(amount, rule.upper_bound, rule.lower_bound, self.lang))
        return self._result(eligible=True, amount=amount, tier=tier)

    # -- the steps ------------------------------------------------------------

    def _shown(self, name: str) -> str:
        spec = self.rule.input(name)
        return format_value(self.values[name], spec.unit)

    def _conditions_hold(self) -> bool:
        holds = True
        for condition in self.rule.conditions:
            spec = self.rule.input(condition.input)
            met = condition.holds(self.values[condition.input])
            self.say("calc.step.condition.met" if met else "calc.step.condition.failed",
                     field=spec.display_label(self.lang), value=self._shown(condition.input),
                     bound=condition_words(condition, self.lang), quote=condition.quote)
            if holds and not met:
                self.why_not = self.steps[-1]
            holds = holds and met
        return holds

    def _tier(self) -> Tier | None:
        base = self.values[self.rule.base]
        spec = self.rule.input(self.rule.base)
        tier = next((tier for tier in self.rule.tiers if tier.contains(base)), None)
        if tier is None:
            lowest = self.rule.tiers[0]
            self.say("calc.step.below_tiers", field=spec.display_label(self.lang), value=self._shown(self.rule.base),
                     range=tier_range(lowest), quote=lowest.quote)
            self.why_not = self.steps[-1]
        else:
            self.say("calc.step.tier", field=spec.display_label(self.lang), value=self._shown(self.rule.base),
                     range=tier_range(tier), quote=tier.quote, rate=tier.rate.printed)
        return tier

    def _apply_rate(self, rate: Amount) -> Decimal:
        base = self.values[self.rule.base]
        exact = base * rate.value / HUNDRED
        self.say("calc.step.multiply", base=self._shown(self.rule.base), rate=qualified_figure(rate),
                 amount=_exact(exact), quote=rate.quote)
        return exact

    def _by_level(self) -> Decimal | None:
        spec = self.rule.choice_input
        choice = self.values[spec.name]
        award = dict(self.rule.awards)[choice]
        self.say("calc.step.level", field=spec.display_label(self.lang), choice=choice_label(choice, self.lang),
                 figure=describe_amount(award, self.lang), quote=award.quote)
        return award.yuan

    def _capped(self, amount: Decimal) -> Decimal:
        cap = self.rule.cap
        if cap is None:
            return amount
        if amount > cap.yuan:
            self.say("calc.step.cap.applied", cap=format_yuan(cap.yuan), amount=_exact(amount), quote=cap.quote)
            return cap.yuan
        self.say("calc.step.cap.not_reached", cap=format_yuan(cap.yuan), quote=cap.quote)
        return amount

    def _to_fen(self, amount: Decimal) -> Decimal:
        rounding = ROUND_UP if self.rule.lower_bound else ROUND_DOWN
        rounded = amount.quantize(FEN, rounding=rounding)
        if rounded != amount:
            self.say("calc.step.rounded.up" if rounding == ROUND_UP else "calc.step.rounded.down",
                     exact=_exact(amount), amount=format_yuan(rounded))
        return rounded

    def _over_years(self, amount: Decimal) -> Decimal:
        if self.rule.period == "multi-year" and self.rule.years:
            total = amount * self.rule.years
            self.say("calc.step.years", amount=format_yuan(amount), years=self.rule.years, total=format_yuan(total))
            return total
        if self.rule.period == "per-year":
            self.say("calc.step.per_year", amount=format_yuan(amount))
        return amount

    def _say_bound(self) -> None:
        if self.rule.upper_bound:
            marks = sorted({q for a in self.rule.figures for q in a.qualifiers if "最高" in q or "不超过" in q})
            self.say("calc.step.upper_bound", marks="、".join(marks))
        elif self.rule.lower_bound:
            self.say("calc.step.lower_bound")

    # -- the result -----------------------------------------------------------

    def _result(self, *, eligible: bool, amount: Decimal | None, tier: Tier | None = None) -> CalcResult:
        rule = self.rule
        policy = self.library.policies[rule.policy_id]
        warnings = status_warnings(policy_status(policy, self.as_of), policy.display_title, self.lang)
        applying = [n for n in rule.notes if n.applies(self.values)]
        notes = [t("calc.note.quoted", self.lang, note=t(f"calc.note.{n.kind}", self.lang), quote=n.quote)
                 for n in applying]
        # an encouraged clause promises nothing: that belongs with the warnings, not only the notes
        warnings += [note for n, note in zip(applying, notes) if n.kind == "encouraged"]
        if rule.stacking is not None:
            key = "calc.note.stacking.reading" if rule.stacking.interpretation else "calc.note.stacking"
            notes.append(t(key, self.lang, group=rule.stacking.display_name(self.lang),
                           reason=rule.stacking.display_reason(self.lang), quote=rule.stacking.quote))
        if not eligible:
            self.say("calc.step.ineligible")
        counted = eligible and amount is not None
        return CalcResult(
            rule=rule,
            values=self.values,
            eligible=eligible,
            amount_yuan=amount,
            upper_bound=counted and rule.upper_bound,
            lower_bound=counted and rule.lower_bound,
            cap_yuan=self._cap_yuan(),
            steps=tuple(self.steps),
            notes=tuple(notes),
            warnings=tuple(warnings),
            as_of=self.as_of,
            tier=tier,
            label=self.label,
            why_not=self.why_not,
            lang=self.lang,
        )

    def _cap_yuan(self) -> Decimal | None:
        """The most the rule pays: its cap, or a fixed figure that is itself a ceiling."""
        rule = self.rule
        if rule.cap is not None:
            return rule.cap.yuan
        if rule.kind == "by-level" and rule.choice_input.name in self.values:
            award = dict(rule.awards)[self.values[rule.choice_input.name]]
            return award.yuan if award.upper_bound else None
        if rule.kind == "fixed" and rule.award.upper_bound:
            return rule.award.yuan
        return None


def _exact(yuan: Decimal) -> str:
    """An intermediate amount, not yet rounded: all its digits, as yuan."""
    if yuan == yuan.quantize(FEN):
        return format_yuan(yuan)
    return f"{yuan.normalize():,f}元"
