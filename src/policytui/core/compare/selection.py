"""Which clauses of a policy speak to a topic.

Parts and sections carry the topics of what they contain, so counting every
clause with the topic would repeat a bare heading above its own items. A
clause counts when it is the most specific one with the topic, or when it has
words of its own beyond its heading (an introductory paragraph), so no content
is lost.
"""

from __future__ import annotations

import unicodedata

from policytui.core.model import Clause, Policy


def _letters(text: str) -> str:
    """The text without punctuation, spaces and line breaks."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZC")


def heading_only(clause: Clause) -> bool:
    """True when the clause's text is nothing but its printed label and title."""
    return _letters(clause.text) == _letters(clause.label + clause.title)


def _has_descendant_on(policy: Policy, clause: Clause, topic_id: str) -> bool:
    return any(
        topic_id in child.topics or _has_descendant_on(policy, child, topic_id)
        for child in policy.children(clause.local_id)
    )


def topic_clauses(policy: Policy, topic_id: str) -> tuple[Clause, ...]:
    """The clauses of `policy` on `topic_id`, in reading order."""
    return tuple(
        clause
        for clause in policy.clauses
        if topic_id in clause.topics
        and not (heading_only(clause) and _has_descendant_on(policy, clause, topic_id))
    )


def printed_heading_length(clause: Clause) -> int:
    """How many characters at the start of the text are the printed label and title (0 if they are not there).

    Views bold that prefix instead of printing the heading twice.
    """
    heading = clause.label + clause.title
    return len(heading) if heading and clause.text.startswith(heading) else 0
