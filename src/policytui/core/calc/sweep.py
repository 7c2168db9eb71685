"""What-if: one input swept over a range, the others held, with the jumps made visible.

Evenly spaced points alone would draw a jump at a tier boundary as a slope, so the
sweep adds each boundary and the value just below it (one fen, or 0.01 year), and
the point where a rate reaches its cap: the rule's kind says where those are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.calc.engine import CalcResult, evaluate
from policytui.core.calc.inputs import FEN, Value
from policytui.core.calc.kinds import kind_of
from policytui.core.calc.kinds.base import Mark
from policytui.core.calc.rules import Rule
from policytui.core.calc.trace import Step
from policytui.core.model import Library

DEFAULT_SAMPLES = 120


@dataclass(frozen=True, slots=True)
class Sweep:
    rule: Rule
    input: str
    points: tuple[tuple[Decimal, CalcResult], ...]  # in order of x
    marks: tuple[Mark, ...]

    def amounts(self) -> list[Decimal]:
        """The award at each point: 0 where not eligible or where the text gives no figure."""
        return [
            r.amount_yuan if r.eligible and r.amount_yuan is not None else Decimal(0) for _, r in self.points
        ]

    def jumps(self) -> list[tuple[Mark, Decimal, Decimal]]:
        """Each mark with the award just below it and at it: where the curve jumps or bends."""
        xs = [x for x, _ in self.points]
        amounts = self.amounts()
        found = []
        for mark in self.marks:
            at = xs.index(mark.x)
            found.append((mark, amounts[at - 1] if at else amounts[at], amounts[at]))
        return found


def sweepable(rule: Rule) -> list[str]:
    return [i.name for i in rule.inputs if i.type in ("money", "years")]


def suggested_range(
    rule: Rule, name: str, current: Decimal | None = None, values: Mapping[str, Value] | None = None
) -> tuple[Decimal, Decimal]:
    """From 0 to half again past the last boundary (or the current value): every jump in view."""
    top = max([m.x for m in _marks(rule, name, values)] + [current or Decimal(0)])
    if not top:
        top = Decimal(100_000_000) if rule.spec(name).type == "money" else Decimal(10)
    return Decimal(0), (top * Decimal("1.5")).quantize(Decimal(1))


def sweep(
    library: Library,
    rule: Rule,
    values: Mapping[str, Value],
    name: str,
    start: Decimal,
    stop: Decimal,
    as_of: date,
    samples: int = DEFAULT_SAMPLES,
) -> Sweep:
    """`name` from `start` to `stop` (both included); `values` holds the other inputs."""
    if name not in sweepable(rule):
        raise ValueError(f"{name} is not a money or years input of {rule.id}")
    low, high = min(start, stop), max(start, stop)
    marks = [m for m in _marks(rule, name, values) if low <= m.x <= high]
    step = FEN if rule.spec(name).type == "money" else Decimal("0.01")
    xs = {low, high}
    if samples > 1 and high > low:
        xs |= {(low + (high - low) * i / (samples - 1)).quantize(step) for i in range(samples)}
    for mark in marks:
        xs |= {mark.x, max(low, mark.x - step)}
    points = tuple((x, evaluate(rule, {**values, name: x}, library, as_of)) for x in sorted(xs))
    return Sweep(rule, name, points, tuple(marks))


def _marks(rule: Rule, name: str, values: Mapping[str, Value] | None = None) -> Iterator[Mark]:
    for condition in rule.conditions:
        if condition.input == name:
            x = condition.value + (FEN if condition.op == ">" else 0)
            yield Mark(x, Step.of("calc.sweep.condition", bound=condition))
    yield from kind_of(rule).marks(rule, name, values or {})
