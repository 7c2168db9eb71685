"""kind = "unspecified": a promise with no figure (金额未明确); only eligibility is checked."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policytui.core.calc.kinds.base import Evaluation, Kind, ReadContext
from policytui.core.calc.rules import Rule, RuleKind, required


class Unspecified(Kind):
    kind = RuleKind.UNSPECIFIED
    keys = frozenset({"award"})

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        return {"award": context.figures.one(entry, "award", context.path, "award", specified=False)}

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        evaluation.say("calc.step.unspecified", quote=required(rule.award, "award").quote)
        return None
