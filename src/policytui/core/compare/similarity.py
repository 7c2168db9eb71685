"""How alike two clauses are, and the best counterparts of a clause in other policies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from policytui.core.compare.selection import heading_only
from policytui.core.model import Clause, Library

# Texts of two different cities rarely share more than a third of their characters
# in order, so topics weigh in to rank clauses on the same subject first.
TEXT_WEIGHT = 0.6
TOPIC_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class Counterpart:
    clause: Clause
    score: float  # 0-100
    shared_topics: tuple[str, ...]


def text_similarity(a: Clause, b: Clause) -> float:
    return fuzz.ratio(a.text, b.text)


def topic_overlap(a: Clause, b: Clause) -> float:
    """Shared topics over all topics of the two clauses (0-1)."""
    union = set(a.topics) | set(b.topics)
    return len(set(a.topics) & set(b.topics)) / len(union) if union else 0.0


def similarity(a: Clause, b: Clause) -> float:
    return TEXT_WEIGHT * text_similarity(a, b) + TOPIC_WEIGHT * 100 * topic_overlap(a, b)


def counterpart(a: Clause, b: Clause) -> Counterpart:
    """`b` seen as a counterpart of `a`."""
    shared = tuple(t for t in a.topics if t in b.topics)
    return Counterpart(b, round(similarity(a, b), 1), shared)


def best_counterparts(
    library: Library,
    clause: Clause,
    policy_ids: Iterable[str] | None = None,
    limit: int = 5,
) -> list[Counterpart]:
    """The clauses of the other policies most like `clause`, best first.

    Bare headings are left out: they have no words to compare.
    """
    wanted = set(library.policies if policy_ids is None else policy_ids) - {clause.policy_id}
    candidates = [
        counterpart(clause, other)
        for policy_id in library.policies
        if policy_id in wanted
        for other in library.policies[policy_id].clauses
        if not heading_only(other)
    ]
    candidates.sort(key=lambda c: -c.score)
    return candidates[:limit]
