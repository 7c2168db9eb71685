"""kind = "by-level": the award picked by a choice, 分别给予国家级、省级最高300万元、100万元."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from policytui.core.calc.inputs import Value, chosen
from policytui.core.calc.kinds.base import Evaluation, Kind, ReadContext
from policytui.core.calc.rules import Rule, RuleKind


class ByLevel(Kind):
    kind = RuleKind.BY_LEVEL
    keys = frozenset({"awards"})

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        return {"awards": context.figures.by_choice(entry, "awards", context.path, "award", context.inputs)}

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        spec = rule.choice_input
        choice = chosen(evaluation.values, spec.name)
        award = dict(rule.awards)[choice]
        evaluation.use(award)
        evaluation.say("calc.step.level", input=spec.name, choice=choice, figure=award, quote=award.quote)
        return award.yuan

    def cap_yuan(self, rule: Rule, values: Mapping[str, Value]) -> Decimal | None:
        choice = values.get(rule.choice_input.name)
        award = dict(rule.awards).get(choice) if isinstance(choice, str) else None
        return award.yuan if award is not None and award.upper_bound else None
