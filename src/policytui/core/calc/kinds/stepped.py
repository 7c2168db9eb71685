"""kind = "stepped": a fixed award for the step a money input reaches.

对年营收首次达到5亿元、10亿元的企业，分别给予50万元、100万元奖励. With `difference_from`
(对进档的企业，奖励差额) the award is the step reached by `base` less the step already
reached by that second input, which the trace says.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from policytui.core.calc.inputs import Value, number
from policytui.core.calc.kinds.base import Evaluation, Kind, Mark, ReadContext
from policytui.core.calc.rules import Rule, RuleKind, Step, required
from policytui.core.calc.trace import Step as TraceStep


def step_of(rule: Rule, x: Decimal) -> Step | None:
    return next((step for step in rule.steps if step.contains(x)), None)


class Stepped(Kind):
    kind = RuleKind.STEPPED
    keys = frozenset({"base", "tiers", "difference_from"})

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        reader = context.reader
        steps = context.bands(
            entry, "award", lambda lower, upper, quote, award: Step(lower, upper, quote, award=award)
        )
        base = context.money_input(entry, "base", required=True, expected="steps_base")
        difference_from = context.money_input(
            entry,
            "difference_from",
            required=False,
            expected="difference_from",
        )
        if difference_from and difference_from == base:
            reader.problem(context.path + ("difference_from",), "steps.difference_is_base")
        return {"steps": steps, "base": base, "difference_from": difference_from}

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        base = number(evaluation.values, rule.base_input)
        step = step_of(rule, base)
        if step is None:
            lowest = rule.steps[0]
            evaluation.say("calc.step.below_tiers", input=rule.base, range=lowest, quote=lowest.quote)
            evaluation.fail()
            return Decimal(0)
        evaluation.use(step.award)
        evaluation.say("calc.step.step", input=rule.base, range=step, figure=step.award, quote=step.quote)
        if rule.difference_from is None:
            return step.award.yuan
        return self._difference(rule, evaluation, step)

    def _difference(self, rule: Rule, evaluation: Evaluation, step: Step) -> Decimal:
        name = required(rule.difference_from, "difference_from")
        before = step_of(rule, number(evaluation.values, name))
        award = required(step.award.yuan, "step's award")
        if before is not None and required(before.award.yuan, "step's award") >= award:
            evaluation.say("calc.step.no_new_step", input=name, range=before)
            evaluation.fail()
            return Decimal(0)
        reached = required(before.award.yuan, "step's award") if before is not None else Decimal(0)
        if before is not None:
            evaluation.use(before.award)
        amount = award - reached
        # range None: no step reached before
        evaluation.say(
            "calc.step.difference", input=name, range=before, award=award, reached=reached, amount=amount
        )
        return amount

    def marks(self, rule: Rule, name: str, values: Mapping[str, Value]) -> Iterator[Mark]:
        if name in (rule.base, rule.difference_from):
            for step in rule.steps:
                yield Mark(
                    step.lower.least, TraceStep.of("calc.estimate.tier", range=step, rate=step.award.printed)
                )

    def cap_yuan(self, rule: Rule, values: Mapping[str, Value]) -> Decimal | None:
        step = step_of(rule, number(values, rule.base_input)) if rule.base in values else None
        return step.award.yuan if step is not None and step.award.upper_bound else None
