"""What every rule kind provides: reading its keys, evaluating, and the marks of a sweep.

A kind is one class (see the modules beside this one); the registry in __init__.py maps
the `kind` of a rules file to it. The reader, the engine and the sweep ask the kind and
hold no list of kinds themselves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from policytui.core.calc.inputs import Value
from policytui.core.calc.kinds.figures import Figures, check_bands_meet
from policytui.core.calc.rules import Band, Bound, Rule, RuleInput, RuleKind
from policytui.core.calc.trace import Step
from policytui.core.model import Amount
from policytui.core.problems import Expected
from policytui.core.schema import DocumentReader
from policytui.core.toml_lines import Path as KeyPath

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Mark:
    x: Decimal
    what: Step  # what happens here: a tier starts, a threshold is met, the cap is reached


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a kind needs to read its keys of one [[rules]] entry."""

    reader: DocumentReader
    figures: Figures
    inputs: tuple[RuleInput, ...]
    path: KeyPath

    def bands(
        self,
        entry: dict[str, Any],
        figure_key: str,
        make: Callable[[Bound, Bound | None, str, Amount], Band],
    ) -> tuple[Band, ...]:
        """The [[rules.tiers]] of the entry: `from`, `to`, `quote` and the figure under `figure_key`
        (its role the same name), each made into a band by `make`; checked to meet end to end."""
        bands = []
        for path, item in self.reader.tables(
            entry,
            "tiers",
            self.path,
            {"from", "to", "quote", figure_key},
            required=True,
            missing="tiers.none",
            missing_params={"kind": str(entry.get("kind"))},
        ):
            quote = self.figures.band_quote(item, path)
            lower = self.figures.bound(item, "from", path, quote, required=True)
            upper = self.figures.bound(item, "to", path, quote, required=False)
            figure = self.figures.one(item, figure_key, path, figure_key)
            if lower is not None and figure is not None:
                bands.append(make(lower, upper, quote, figure))
        check_bands_meet(bands, self.path, self.reader)
        return tuple(bands)

    def money_input(
        self, entry: dict[str, Any], key: str, *, required: bool, expected: Expected
    ) -> str | None:
        """The name of a money input of the rule, given under `key`."""
        name = self.reader.string(entry, key, self.path, required=required, expected=expected)
        if not name:
            return None
        if name not in {i.name for i in self.inputs if i.type == "money"}:
            self.reader.problem(self.path + (key,), "input.not_money", name=name)
            return None
        return name


class Evaluation(Protocol):
    """The engine's side of an evaluation, as a kind sees it."""

    @property
    def values(self) -> Mapping[str, Value]:
        """The inputs as read."""

    def say(self, key: str, **values: object) -> None:
        """Add a step to the trace: an i18n key and its values (see trace.Step), never words."""

    def use(self, figure: Amount) -> None:
        """Record a figure the amount rests on: its words decide whether the result is a bound."""

    def fail(self) -> None:
        """The last step said why the rule is not met: the result is ineligible."""


class Kind(ABC):
    kind: ClassVar[RuleKind]
    keys: ClassVar[frozenset[str]]  # the keys of [[rules]] that only this kind reads
    takes_cap: ClassVar[bool] = False

    @abstractmethod
    def read(self, entry: dict[str, Any], context: ReadContext) -> dict[str, Any]:
        """The Rule fields of this kind, read from `entry`; problems go to the reader."""

    @abstractmethod
    def amount(self, rule: Rule, evaluation: Evaluation) -> Decimal | None:
        """The amount before the cap, with its steps said; None when the text gives no figure."""

    def marks(self, rule: Rule, name: str, values: Mapping[str, Value]) -> Iterator[Mark]:
        """Where the award jumps or bends as input `name` grows (beyond the rule's conditions)."""
        return iter(())

    def cap_yuan(self, rule: Rule, values: Mapping[str, Value]) -> Decimal | None:
        """The most the rule pays with these values, when the text sets one."""
        return rule.cap.yuan if rule.cap is not None else None
