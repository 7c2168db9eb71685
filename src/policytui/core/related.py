"""Which clauses of other policies share a clause's topics, and a topic's clauses in the library."""

from __future__ import annotations

from policytui.core.compare.selection import topic_clauses as policy_topic_clauses
from policytui.core.model import Clause, Library


def related_clauses(library: Library, clause: Clause) -> list[tuple[Clause, tuple[str, ...]]]:
    """(clause, shared topic ids) for every clause of another policy sharing a topic with
    `clause`: most shared topics first, then in document order."""
    topics = set(clause.topics)
    found = []
    for other in library.clauses():
        shared = tuple(topic for topic in other.topics if topic in topics)
        if other.policy_id != clause.policy_id and shared:
            found.append((other, shared))
    return sorted(found, key=lambda item: -len(item[1]))


def topic_clauses(library: Library, topic_id: str) -> list[Clause]:
    """The clauses on `topic_id`, policy by policy, chosen as the comparison chooses them, so
    the palette's count and the topic list agree with the compare screen."""
    return [
        clause for policy in library.policies.values() for clause in policy_topic_clauses(policy, topic_id)
    ]
