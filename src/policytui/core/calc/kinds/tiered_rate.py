"""kind = "tiered-rate": the tier the base falls in sets the rate on the whole base (1000万元（含）至1亿元按1%)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from policytui.core.calc.inputs import Value, number
from policytui.core.calc.kinds.base import Evaluation, Kind, Mark, ReadContext
from policytui.core.calc.kinds.rate import cap_mark, multiply
from policytui.core.calc.rules import Rule, RuleKind, Tier, required
from policytui.core.calc.trace import Step


class TieredRate(Kind):
    kind = RuleKind.TIERED_RATE
    keys = frozenset({"base", "tiers", "cap"})
    takes_cap = True

    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "tiers": context.bands(
                entry, "rate", lambda lower, upper, quote, rate: Tier(lower, upper, quote, rate=rate)
            ),
            "base": context.money_input(entry, "base", required=True, expected="rate_base"),
        }
        if "cap" in entry:
            fields["cap"] = context.figures.one(entry, "cap", context.path, "cap")
        return fields

    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        base = number(evaluation.values, rule.base_input)
        tier = next((tier for tier in rule.tiers if tier.contains(base)), None)
        if tier is None:
            lowest = rule.tiers[0]
            evaluation.say("calc.step.below_tiers", input=rule.base, range=lowest, quote=lowest.quote)
            evaluation.fail()
            return Decimal(0)
        evaluation.say(
            "calc.step.tier", input=rule.base, range=tier, quote=tier.quote, rate=tier.rate.printed
        )
        return multiply(rule, evaluation, base, tier.rate)

    def marks(self, rule: Rule, name: str, values: Mapping[str, Value]) -> Iterator[Mark]:
        if name != rule.base:
            return
        for tier in rule.tiers:
            yield Mark(tier.lower.least, Step.of("calc.estimate.tier", range=tier, rate=tier.rate.printed))
        for tier in rule.tiers:
            upper = tier.upper.yuan if tier.upper else None
            mark = cap_mark(
                rule, required(tier.rate.value, "tier's rate"), Decimal(0), tier.lower.yuan, upper
            )
            if mark is not None:
                yield mark
                return
