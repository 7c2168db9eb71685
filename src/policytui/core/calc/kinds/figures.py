"""Reading the figures of a rule: each one found among the clause's recorded amounts.

Shared by every rule kind, so that no kind can state a figure the policy file does not.
"""

from __future__ import annotations

import itertools
from typing import Any

from policytui.core.calc.rules import Band, Bound, RuleInput
from policytui.core.fidelity import normalize
from policytui.core.model import Amount, Clause
from policytui.core.schema import DocumentReader
from policytui.core.toml_lines import Path as KeyPath
from policytui.core.vocabulary import MONEY_UNITS, RATE_UNIT

FIGURE_KEYS = {"value", "unit"}
BOUND_KEYS = {"value", "unit", "inclusive"}
# The words after a figure that include it in its band (以上、以下、以内 include it by
# 《民法典》第一千二百五十九条; 超过、不满 do not).
INCLUSIVE_MARKS = ("（含）", "(含)", "及以上", "以上", "以下", "以内")


class Figures:
    """Finds the clause's recorded Amount for a figure a rule names by value and unit."""

    def __init__(self, reader: DocumentReader, clause: Clause, rule_text: str) -> None:
        self.reader = reader
        self.clause = clause
        self.rule_text = normalize(rule_text)

    def one(
        self,
        entry: dict[str, Any],
        key: str,
        path: KeyPath,
        role: str,
        *,
        specified: bool = True,
        allowed: set[str] = FIGURE_KEYS,
    ) -> Amount | None:
        table = self.reader.table(entry, key, path, allowed)
        if table is None:
            self.reader.problem(path + (key,), "key.missing", "figure" if specified else "no_figure", key=key)
            return None
        return self.find(table, path + (key,), role, specified=specified)

    def find(
        self, table: dict[str, Any], path: KeyPath, role: str, *, specified: bool = True
    ) -> Amount | None:
        value = self.reader.decimal(table, "value", path) if specified else None
        if specified and "value" not in table:  # else the rule would load with no figure to compute
            self.reader.problem(path + ("value",), "key.missing", "figure_value", key="value")
        unit = self.reader.choice(table, "unit", path, (*MONEY_UNITS, RATE_UNIT), required=specified)
        if specified and (value is None or unit is None):
            return None
        for amount in self.clause.amounts:
            if (
                amount.role == role
                and amount.value == value
                and amount.unit == unit
                and normalize(amount.quote) in self.rule_text
            ):
                return amount
        self.reader.problem(
            path,
            "figure.not_recorded" if specified else "figure.not_recorded.no_figure",
            clause=self.clause.id,
            role=role,
            figure=f"{value}{unit}",
        )
        return None

    def by_choice(
        self, entry: dict[str, Any], key: str, path: KeyPath, role: str, inputs: tuple[RuleInput, ...]
    ) -> tuple[tuple[str, Amount], ...]:
        """A table of figures keyed by the choices of the rule's one choice input."""
        table = entry.get(key)
        choices = [i for i in inputs if i.type == "choice"]
        if not isinstance(table, dict) or not table:
            self.reader.problem(path + (key,), "figures.none", key=key)
            return ()
        if len(choices) != 1 or set(choices[0].choices) != set(table):
            self.reader.problem(path + (key,), "figures.choices_mismatch", key=key)
        found = []
        for choice, figure in table.items():
            if not isinstance(figure, dict):
                self.reader.problem(path + (key, choice), "figure.not_table")
                continue
            self.reader.unknown_keys(figure, path + (key, choice), FIGURE_KEYS)
            amount = self.find(figure, path + (key, choice), role)
            if amount is not None:
                found.append((choice, amount))
        return tuple(found)

    def bound(
        self, item: dict[str, Any], key: str, path: KeyPath, quote: str, *, required: bool
    ) -> Bound | None:
        """A threshold with `inclusive`, checked against the words after it in `quote`."""
        if key not in item and not required:
            return None
        amount = self.one(item, key, path, "threshold", allowed=BOUND_KEYS)
        if amount is None or amount.yuan is None:
            return None
        inclusive = item[key].get("inclusive")
        if not isinstance(inclusive, bool):
            self.reader.problem(path + (key, "inclusive"), "bound.inclusive_missing")
            return None
        printed = amount.printed
        after = normalize(quote).partition(printed)[2]
        if after.startswith(INCLUSIVE_MARKS) and not inclusive:
            self.reader.problem(
                path + (key, "inclusive"), "bound.text_includes", figure=printed, words=after[:4]
            )
        return Bound(amount.yuan, printed, inclusive)

    def band_quote(self, item: dict[str, Any], path: KeyPath) -> str:
        quote = self.reader.string(item, "quote", path, required=True, expected="tier_quote")
        if quote and normalize(quote) not in self.rule_text:
            self.reader.problem(path + ("quote",), "quote.not_in_rule")
        return quote


def check_bands_meet(bands: list[Band], path: KeyPath, reader: DocumentReader) -> None:
    """Each band ends above where it starts (10亿元、5亿元、1亿元 written as tiers in that order
    make bands that hold nothing); consecutive bands meet: no gap, no overlap, and exactly one
    of them holds the boundary."""
    for j, band in enumerate(bands):
        if band.upper is not None and band.upper.yuan <= band.lower.yuan:
            reader.problem(path + ("tiers", j, "to"), "tiers.empty", figure=band.upper.printed)
    for j, (below, above) in enumerate(itertools.pairwise(bands), start=1):
        if below.upper is None or below.upper.yuan != above.lower.yuan:
            reader.problem(path + ("tiers", j, "from"), "tiers.gap")
        elif below.upper.inclusive == above.lower.inclusive:
            reader.problem(
                path + ("tiers", j, "from", "inclusive"),
                "tiers.boundary_in_both" if above.lower.inclusive else "tiers.boundary_in_neither",
                figure=above.lower.printed,
            )
    if bands and bands[-1].upper is not None:
        reader.problem(path + ("tiers", len(bands) - 1, "to"), "tiers.top_has_end", severity="warning")
