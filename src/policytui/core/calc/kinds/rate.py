"""kind = "rate": a percentage of a money input, capped or not.

Three forms, by the words of the text:
- `rate`: one rate on the whole base (按投资额的10%);
- `rates`: a rate by the rule's one choice input (纳统当年按1%、第2年按0.5%);
- `above`: the rate on the part of the base above a figure only (超过2000万元的部分按1%).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from policytui.core.calc.inputs import FEN, Value, chosen, number
from policytui.core.calc.kinds.base import HUNDRED, Evaluation, Kind, Mark, ReadContext
from policytui.core.calc.rules import Rule, RuleKind, required
from policytui.core.calc.trace import Step
from policytui.core.model import Amount


def multiply(rule: Rule, evaluation: Evaluation, base: Decimal, rate: Amount) -> Decimal:
    """base × rate, said with the rate's own words."""
    evaluation.use(rate)
    exact = base * required(rate.value, "rate's figure") / HUNDRED
    evaluation.say("calc.step.multiply", base=base, rate=rate, amount=exact, quote=rate.quote)
    return exact


def cap_mark(rule: Rule, rate: Decimal, start: Decimal, lower: Decimal, upper: Decimal | None) -> Mark | None:
    """Where `rate`, applied to the base above `start`, reaches the cap, if it does in [lower, upper)."""
    cap = rule.cap.yuan if rule.cap is not None else None
    if cap is None or not rate:
        return None
    at_cap = start + cap * HUNDRED / rate
    if lower <= at_cap and (upper is None or at_cap < upper):
        return Mark(at_cap.quantize(FEN), Step.of("calc.sweep.cap", cap=cap))
    return None


class Rate(Kind):
    kind = RuleKind.RATE
    keys = frozenset({"base", "rate", "rates", "above", "cap"})
    takes_cap = True

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        figures, path = context.figures, context.path
        fields: dict[str, Any] = {
            "base": context.money_input(entry, "base", required=True, expected="rate_base")
        }
        if ("rate" in entry) == ("rates" in entry):
            context.reader.problem(path + ("rate",), "rate.one_of")
        elif "rate" in entry:
            fields["rate"] = figures.one(entry, "rate", path, "rate")
        else:
            fields["rates"] = figures.by_choice(entry, "rates", path, "rate", context.inputs)
        if "above" in entry:
            fields["above"] = figures.bound(entry, "above", path, figures.rule_text, required=True)
        if "cap" in entry:
            fields["cap"] = figures.one(entry, "cap", path, "cap")
        return fields

    def _rate(self, rule: Rule, evaluation: Evaluation) -> Amount:
        if rule.rate is not None:
            return rule.rate
        spec = rule.choice_input
        choice = chosen(evaluation.values, spec.name)
        rate = dict(rule.rates)[choice]
        evaluation.say(
            "calc.step.rate_by_choice", input=spec.name, choice=choice, rate=rate, quote=rate.quote
        )
        return rate

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        base = number(evaluation.values, rule.base_input)
        above = rule.above
        rate = self._rate(rule, evaluation)
        if above is None:
            return multiply(rule, evaluation, base, rate)
        if not above.passed_by(base):
            evaluation.say("calc.step.not_above", input=rule.base, threshold=above.printed, quote=rate.quote)
            evaluation.fail()
            return Decimal(0)
        part = base - above.yuan
        evaluation.say("calc.step.above", base=base, threshold=above.printed, part=part)
        return multiply(rule, evaluation, part, rate)

    def marks(self, rule: Rule, name: str, values: Mapping[str, Value]) -> Iterator[Mark]:
        if name != rule.base:
            return
        start = rule.above.yuan if rule.above is not None else Decimal(0)
        if rule.above is not None:
            yield Mark(rule.above.least, Step.of("calc.sweep.above", threshold=rule.above.printed))
        chosen = values.get(rule.choice_input.name) if rule.rates else None
        rates = [rule.rate] if rule.rate is not None else [r for c, r in rule.rates if chosen in (None, c)]
        for rate in rates:
            mark = cap_mark(rule, required(rate.value, "rate's figure"), start, start, None)
            if mark is not None:
                yield mark
