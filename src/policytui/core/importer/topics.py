"""Topics for a clause from the taxonomy's names and keywords; a best guess is marked for review."""

from __future__ import annotations

from collections.abc import Iterable

from policytui.core.importer.records import DraftClause
from policytui.core.model import Topic

# Clauses whose kind says what they are about, whatever their words.
_BY_KIND = {
    "title": "overview",
    "notice": "overview",
    "preamble": "overview",
    "cc": "overview",
    "closing": "scope-validity",
    "table": "overview",
}
_MAX_TOPICS = 3


def assign_topics(clauses: list[DraftClause], topics: Iterable[Topic]) -> None:
    """Topics by the taxonomy's words; a heading without them takes its children's topics
    (children come after their parent, so the clauses are read from the last)."""
    taxonomy = list(topics)
    known = {t.id for t in taxonomy}
    children: dict[str, list[DraftClause]] = {}
    for clause in clauses:
        children.setdefault(clause.parent or "", []).append(clause)
    for clause in reversed(clauses):
        if clause.kind in _BY_KIND and _BY_KIND[clause.kind] in known:
            clause.topics = [_BY_KIND[clause.kind]]
            continue
        scores = _scores(clause, taxonomy)
        if not scores:
            for child in children.get(clause.id, []):
                for topic in child.topics:
                    scores[topic] = scores.get(topic, 0) + 1
        if scores:
            best = max(scores.values())
            clause.topics = [
                tid for tid, score in sorted(scores.items(), key=lambda kv: -kv[1]) if score >= best / 2
            ][:_MAX_TOPICS]
    by_id = {c.id: c for c in clauses}
    fallback = "overview" if "overview" in known else (taxonomy[0].id if taxonomy else "")
    for clause in clauses:  # what is still without a topic: its parent's, else the fallback, marked
        if clause.topics:
            continue
        parent = by_id.get(clause.parent or "")
        if parent is not None and parent.topics:
            clause.topics = parent.topics[:1]
            clause.mark("topics", "import.mark.topic_parent", topic=clause.topics[0])
        else:
            clause.topics = [fallback]
            clause.mark("topics", "import.mark.topic", topic=fallback)


def _scores(clause: DraftClause, taxonomy: list[Topic]) -> dict[str, float]:
    """Hits of each topic's name and keywords; a hit in the title counts three times."""
    scores: dict[str, float] = {}
    for topic in taxonomy:
        words = [w for w in (topic.name, *topic.keywords) if _is_chinese(w)]
        score = sum(clause.text.count(w) + 2 * clause.title.count(w) for w in words)
        if score:
            scores[topic.id] = score
    return scores


def _is_chinese(word: str) -> bool:
    """Only Chinese keywords are looked for: the source is Chinese, and "lab" would match "label"."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in word)
