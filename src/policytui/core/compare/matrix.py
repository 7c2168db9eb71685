"""The overview: every topic down, every policy across; clauses and the largest award per cell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.compare.awards import AwardSummary, summarise_awards
from policytui.core.compare.comparison import pick_policies
from policytui.core.compare.selection import topic_clauses
from policytui.core.model import Library, Policy, Topic
from policytui.core.status import PolicyStatus, policy_status

# Tiers for colouring a cell by the largest award it names, in yuan (100万元, 1000万元).
TIER_LIMITS = (Decimal(1_000_000), Decimal(10_000_000))


@dataclass(frozen=True, slots=True)
class Cell:
    topic: Topic
    policy: Policy
    clauses: int
    awards: AwardSummary

    @property
    def tier(self) -> int:
        """0 no clause, 1 clauses without a figure, then 2-4 by the largest award (<100万, <1000万, more)."""
        if not self.clauses:
            return 0
        largest = self.awards.largest
        if largest is None or largest.yuan is None:  # a largest offer always has a figure
            return 1
        return 2 + sum(largest.yuan >= limit for limit in TIER_LIMITS)


@dataclass(frozen=True, slots=True)
class Matrix:
    as_of: date
    policies: tuple[Policy, ...]
    statuses: tuple[PolicyStatus, ...]
    topics: tuple[Topic, ...]
    cells: tuple[tuple[Cell, ...], ...]  # cells[topic index][policy index]


def build_matrix(library: Library, as_of: date, policy_ids: Sequence[str] | None = None) -> Matrix:
    """Every loaded topic, in taxonomy order, against the policies (default: all loaded)."""
    policies = tuple(pick_policies(library, policy_ids))
    topics = tuple(library.topics.values())
    cells = tuple(
        tuple(
            Cell(topic, policy, len(clauses), summarise_awards(clauses))
            for policy in policies
            for clauses in [topic_clauses(policy, topic.id)]
        )
        for topic in topics
    )
    return Matrix(as_of, policies, tuple(policy_status(p, as_of) for p in policies), topics, cells)
