"""Resolve what a person types for a topic: its id, its name, or something close to either."""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from policytui.core.closest import closest_keys
from policytui.core.model import Library, Topic

# ratio (not WRatio): WRatio scores a short query high against any long name containing it
ACCEPT_SCORE = 70
# below closest()'s cutoff: topic names are short Chinese words, where one wrong character
# of two (人材 for 人才) scores 50, and a topic is suggested, never picked, at this score
SUGGEST_SCORE = 34


class UnknownTopic(LookupError):
    """No topic matches `query`; `closest` are the topics nearest to it, best first."""

    def __init__(self, query: str, closest: tuple[Topic, ...]) -> None:
        super().__init__(query)
        self.query = query
        self.closest = closest


def _names(topic: Topic) -> tuple[str, ...]:
    return (topic.id, topic.name, topic.name_en)


def _unique(topics: list[Topic]) -> Topic | None:
    distinct = {t.id: t for t in topics}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _fuzzy_scores(library: Library, query: str) -> list[tuple[Topic, float]]:
    """Each topic's best score over its id, names and keywords, best first.

    Not closest(): resolving needs the scores themselves, to accept a clear winner only."""
    best: dict[str, float] = {}
    for topic in library.topics.values():
        choices = [*_names(topic), *topic.keywords]
        match = process.extractOne(query, choices, scorer=fuzz.ratio, processor=utils.default_process)
        best[topic.id] = match[1] if match else 0.0
    ranked = sorted(best.items(), key=lambda item: -item[1])
    return [(library.topics[topic_id], score) for topic_id, score in ranked]


def resolve_topic(library: Library, query: str) -> Topic:
    """The topic `query` names. Raises UnknownTopic with the closest topics if none fits."""
    wanted = query.strip().casefold()
    if not wanted:
        raise UnknownTopic(query, suggest_topics(library, query))
    topics = list(library.topics.values())
    for candidates in (
        [t for t in topics if wanted in (n.casefold() for n in _names(t))],
        [t for t in topics if wanted in (k.casefold() for k in t.keywords)],
        # "专精" or "园区": part of exactly one name is what Chinese readers type
        [t for t in topics if len(wanted) >= 2 and any(wanted in n.casefold() for n in (t.name, t.name_en))],
    ):
        if (topic := _unique(candidates)) is not None:
            return topic
    ranked = _fuzzy_scores(library, query)
    if ranked and ranked[0][1] >= ACCEPT_SCORE and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    raise UnknownTopic(query, suggest_topics(library, query))


def suggest_topics(library: Library, query: str, limit: int = 5) -> tuple[Topic, ...]:
    """The topics nearest to `query`, best first."""
    if not query.strip():
        return ()
    names = {
        (topic.id, i): name
        for topic in library.topics.values()
        for i, name in enumerate((*_names(topic), *topic.keywords))
    }
    nearest = dict.fromkeys(
        topic_id for topic_id, _ in closest_keys(query, names, limit=None, cutoff=SUGGEST_SCORE, whole=True)
    )
    return tuple(library.topics[topic_id] for topic_id in list(nearest)[:limit])
