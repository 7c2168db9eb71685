"""kind = "fixed": one figure, 给予最高500万元奖励."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from policytui.core.calc.inputs import Value
from policytui.core.calc.kinds.base import Evaluation, Kind, ReadContext
from policytui.core.calc.rules import Rule, RuleKind, required


class Fixed(Kind):
    kind = RuleKind.FIXED
    keys = frozenset({"award"})

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        return {"award": context.figures.one(entry, "award", context.path, "award")}

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        award = required(rule.award, "award")
        evaluation.use(award)
        evaluation.say("calc.step.award", figure=award, quote=award.quote)
        return award.yuan

    def cap_yuan(self, rule: Rule, values: Mapping[str, Value]) -> Decimal | None:
        award = required(rule.award, "award")
        return award.yuan if award.upper_bound else None
