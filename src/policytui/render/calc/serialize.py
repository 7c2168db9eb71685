"""The calculator's JSON shapes (the CLI contract of issue 6), shared by the CLI and the exports.

Figures are numbers; steps, notes, warnings and reasons are worded in the language asked for,
and `trace` gives the steps as the core records them (a key and its values) for scripts."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate, Totals
from policytui.core.calc.rules import Band, Bound, Condition, Rule
from policytui.core.calc.sweep import Sweep
from policytui.core.calc.trace import Bounded, Step
from policytui.core.model import Amount
from policytui.core.serialize import json_number
from policytui.render.calc.estimate_text import (
    estimate_warnings,
    near_miss_text,
    reading_alternative,
    reading_name,
    reading_reason,
    set_aside_reason,
)
from policytui.render.calc.wording import item_label, notes, say, steps, warnings, why_not

Json = dict[str, object]


def rule_json(rule: Rule) -> Json:
    return {
        "id": rule.id,
        "policy": rule.policy_id,
        "clause": rule.clause_id,
        "kind": rule.kind,
        "name": rule.name,
        "name_en": rule.name_en,
        "recipient": rule.recipient,
        "period": rule.period,
        "years": rule.years,
        "upper_bound": rule.upper_bound,
        "stacking_group": rule.stacking.id if rule.stacking else None,
        "stacking": (
            {
                "id": rule.stacking.id,
                "name": rule.stacking.name,
                "basis": rule.stacking.quote,
                "interpretation": rule.stacking.interpretation,
            }
            if rule.stacking
            else None
        ),
        "inputs": [
            {
                "name": i.name,
                "type": i.type,
                "unit": i.unit,
                "label": i.label,
                "label_en": i.label_en,
                "choices": list(i.choices) or None,
            }
            for i in rule.inputs
        ],
    }


def result_json(result: CalcResult, lang: str) -> Json:
    rule = result.rule
    return {
        "rule": rule.id,
        "policy": rule.policy_id,
        "clause": rule.clause_id,
        "eligible": result.eligible,
        "amount_yuan": json_number(result.amount_yuan),
        "upper_bound": result.upper_bound,
        "cap_yuan": json_number(result.cap_yuan),
        "steps": steps(result, lang),
        "citation": result.citation,
        "warnings": warnings(result, lang),
        # beyond the contract
        "name": rule.name,
        "label": item_label(result, lang) or None,
        "inputs": {name: _value(v) for name, v in result.values.items()},
        "lower_bound": result.lower_bound,
        "period": rule.period,
        "years": rule.years,
        "recipient": rule.recipient,
        "notes": notes(result, lang),
        "as_of": result.as_of.isoformat(),
        "trace": trace_json(result.steps),
    }


def trace_json(steps: Iterable[Step]) -> list[Json]:
    """Each step as {"key": the i18n key, "params": its values}: words left to the reader."""
    return [
        {"key": step.key, "params": {name: _param(value) for name, value in step.params.items()}}
        for step in steps
    ]


def _param(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, Bounded):
        return {"yuan": json_number(value.yuan), "upper_bound": value.upper, "lower_bound": value.lower}
    if isinstance(value, Amount):
        return {
            "value": json_number(value.value),
            "unit": value.unit,
            "printed": value.printed,
            "qualifiers": list(value.qualifiers),
            "quote": value.quote,
        }
    if isinstance(value, Condition):
        return {
            "input": value.input,
            "op": value.op,
            "value": json_number(value.value),
            "printed": value.printed,
        }
    if isinstance(value, Band):
        return {
            "from": _bound(value.lower),
            "to": _bound(value.upper) if value.upper else None,
            "quote": value.quote,
        }
    if isinstance(value, tuple):
        return [_param(v) for v in value]
    return value  # a name, a quote, a choice, a number of years, a recipient: as they are


def _bound(bound: Bound) -> Json:
    return {"yuan": json_number(bound.yuan), "printed": bound.printed, "inclusive": bound.inclusive}


def estimate_json(estimate: Estimate, lang: str) -> Json:
    totals = estimate.totals
    return {
        "profile": estimate.profile.name,
        "as_of": estimate.as_of.isoformat(),
        # one figure only for one city, or several when the user asked to combine them
        "totals": totals_json(totals) if totals else None,
        "combined": estimate.combined,
        "total_yuan": json_number(totals.plain_yuan) if totals else None,
        "upper_bound": totals.upper_bound if totals else any(p.totals.upper_bound for p in estimate.parts),
        "policies": [
            {
                "policy": part.policy.id,
                "city": part.policy.city,
                "status": part.status.as_json(),
                "totals": totals_json(part.totals),
                "items": [_item_key(r, lang) for r in part.items],
            }
            for part in estimate.parts
        ],
        "items": [result_json(r, lang) | {"standing": estimate.standing(r)} for r in estimate.items],
        "groups": [
            {
                "id": r.id,
                "name": reading_name(r, lang),
                "basis": r.basis,
                "interpretation": r.interpretation,
                "reading": reading_reason(r, lang),
                "alternative": reading_alternative(r, lang) or None,
                "members": [_item_key(m, lang) for m in r.members],
                "kept": _item_key(r.kept, lang),
            }
            for r in estimate.readings
        ],
        "set_aside": [
            _item_key(s.item, lang)
            | {
                "amount_yuan": json_number(s.item.amount_yuan),
                "kept": s.kept.rule.id,
                "group": s.reading.id,
                "strict_only": s.strict_only,
                "reason": set_aside_reason(s, lang),
            }
            for s in estimate.set_aside
        ],
        "other_recipients": [
            _item_key(r, lang) | {"recipient": r.rule.recipient, "amount_yuan": json_number(r.amount_yuan)}
            for r in estimate.others
        ],
        "ceilings": {
            "included": estimate.ceilings_included,
            "items": [
                _item_key(r, lang) | {"amount_yuan": json_number(r.amount_yuan)} for r in estimate.ceilings
            ],
        },
        "near_misses": [
            _item_key(m.item, lang)
            | {
                "input": m.input,
                "gap_yuan": json_number(m.gap),
                "amount_yuan": json_number(m.reached.amount_yuan),
                "upper_bound": m.reached.upper_bound,
                "current_amount_yuan": json_number(m.item.amount_yuan),
                "message": near_miss_text(m, lang),
            }
            for m in estimate.near_misses
        ],
        "not_counted": [r.rule.id for r in estimate.not_counted],
        "not_met": [
            _item_key(r, lang) | {"reason": why_not(r, lang), "steps": steps(r, lang)}
            for r in estimate.not_met
        ],
        "incomplete": [
            {"rule": i.rule.id, "label": i.label or None, "missing_facts": list(i.missing)}
            for i in estimate.incomplete
        ],
        "cautions": [say(c, lang) for c in estimate.cautions],
        "notes": [say(n, lang) for n in estimate.notes],
        "warnings": estimate_warnings(estimate, lang),
    }


def totals_json(totals: Totals) -> Json:
    return {
        "plain_yuan": json_number(totals.plain_yuan),
        "strict_yuan": json_number(totals.strict_yuan),
        "lenient_yuan": json_number(totals.lenient_yuan),
        "upper_bound": totals.upper_bound,
    }


def _item_key(result: CalcResult, lang: str) -> Json:
    return {"rule": result.rule.id, "label": item_label(result, lang) or None}


def sweep_json(sweep: Sweep, lang: str) -> Json:
    return {
        "rule": sweep.rule.id,
        "input": sweep.input,
        "points": [
            {"x": json_number(x), "eligible": r.eligible, "amount_yuan": json_number(r.amount_yuan)}
            for x, r in sweep.points
        ],
        "marks": [{"x": json_number(m.x), "label": say(m.what, lang)} for m in sweep.marks],
    }


def _value(value: Decimal | str) -> int | float | str | None:
    return value if isinstance(value, str) else json_number(value)
