"""A side-by-side comparison of policies on one topic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from policytui.core.closest import closest
from policytui.core.compare.alignment import Row, align
from policytui.core.compare.awards import AwardSummary, summarise_awards
from policytui.core.compare.phrases import SharedWording, shared_wording
from policytui.core.compare.selection import topic_clauses
from policytui.core.compare.topics import resolve_topic
from policytui.core.model import Clause, Library, Policy, Topic
from policytui.core.status import PolicyStatus, policy_status


class UnknownPolicy(LookupError):
    """A policy id that is not loaded; `closest` are the loaded ids nearest to it."""

    def __init__(self, query: str, closest: tuple[str, ...]) -> None:
        super().__init__(query)
        self.query = query
        self.closest = closest


@dataclass(frozen=True, slots=True)
class Column:
    policy: Policy
    status: PolicyStatus
    clauses: tuple[Clause, ...]
    awards: AwardSummary


@dataclass(frozen=True, slots=True)
class Comparison:
    topic: Topic
    as_of: date
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]  # aligned: rows[i][k] is a clause of columns[k] or None
    shared: SharedWording


def pick_policies(library: Library, policy_ids: Sequence[str] | None) -> list[Policy]:
    """The policies named (all loaded ones when none are), in the order given."""
    if not policy_ids:
        return list(library.policies.values())
    picked = []
    for policy_id in policy_ids:
        policy = library.policies.get(policy_id.strip())
        if policy is None:
            raise UnknownPolicy(policy_id, tuple(closest(policy_id, list(library.policies))))
        if policy not in picked:
            picked.append(policy)
    return picked


def compare(
    library: Library,
    topic: Topic | str,
    as_of: date,
    policy_ids: Sequence[str] | None = None,
) -> Comparison:
    """Compare the policies (default: all loaded) on `topic`, an id, a name or something close.

    Raises UnknownTopic or UnknownPolicy, each with the closest matches.
    """
    if isinstance(topic, str):
        topic = resolve_topic(library, topic)
    policies = pick_policies(library, policy_ids)
    columns = tuple(
        Column(policy, policy_status(policy, as_of), clauses, summarise_awards(clauses))
        for policy in policies
        for clauses in [topic_clauses(policy, topic.id)]
    )
    clause_lists = [column.clauses for column in columns]
    corpus = [clause.text for clause in library.clauses()]
    return Comparison(topic, as_of, columns, tuple(align(clause_lists)), shared_wording(clause_lists, corpus))
