"""Score one alternative of a term on one clause: how well it is found, and where.

Scores are out of 100, in tiers that make the ranking: the characters as
typed (EXACT), then the same sounds (pinyin, initials, a homophone typo),
then similar text (a wrong, missing or extra character, words in another
order), each TITLE_BONUS higher in the title than in the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from policytui.core.search.index import Entry
from policytui.core.search.phonetics import readings_of
from policytui.core.search.plan import Plan
from policytui.core.search.query import CHAR, SYLLABLE, Unit

EXACT = 95  # the typed characters, as typed
SOUND_BASE, SOUND_SPAN = 55, 30  # the same sounds: 55 + 30 x grade, 79 to 84
SIMILAR_SHARE = 0.7  # similar text: 0.7 x similarity, at most 70
SIMILAR_MIN = 60  # below this similarity a "match" is noise
COVER_MAX = 16  # cover tries every piece of the term: quadratic, so short terms only
AMOUNT = 95  # a printed figure equal to the typed sum
TOPIC = 60  # tagged with the topic the word names, the word itself not found
TITLE_BONUS = 5

# How closely a character answers a unit, for the sounds tier.
SAME, HOMOPHONE, SYLLABLE_READING, INITIAL_READING = 1.0, 0.9, 0.9, 0.8


@dataclass(frozen=True, slots=True)
class Hit:
    score: float
    spans: tuple[tuple[int, int], ...]  # in the entry's text, the best first


def ceiling(plan: Plan, in_title: bool = True) -> float:
    """The most the alternative can score on a clause (with the hit in the title, or not)."""
    alternative = plan.alternative
    if alternative.topic is not None:
        return TOPIC
    if alternative.amount is not None:
        return AMOUNT
    grades = [
        SAME if unit.kind == CHAR else SYLLABLE_READING if unit.kind == SYLLABLE else INITIAL_READING
        for unit in alternative.units
    ]
    grade = sum(grades) / len(grades)
    tier = EXACT if grade == SAME else SOUND_BASE + SOUND_SPAN * grade
    return (tier + (TITLE_BONUS if in_title else 0)) * alternative.weight


def score(plan: Plan, entry: Entry, *, spans: bool = False) -> Hit | None:
    """The alternative on the clause, or None when it is not there. Without `spans` (when
    every candidate is ranked) the places are not collected and the search stops early."""
    alternative = plan.alternative
    if alternative.topic is not None:
        return Hit(TOPIC, ()) if alternative.topic in entry.clause.topics else None
    if alternative.amount is not None:
        places = _figures(entry, alternative.amount)
        return Hit(AMOUNT, places) if places else None
    hit = _found(plan, entry, spans) or (_similar(plan, entry) if alternative.similar else None)
    if hit is None or alternative.weight == 1.0:
        return hit
    return Hit(hit.score * alternative.weight, hit.spans)


def _found(plan: Plan, entry: Entry, all_places: bool) -> Hit | None:
    """The best place where the units stand in order (and every place, if asked)."""
    if plan.pattern is None:
        return None
    units, homophones = plan.alternative.units, plan.alternative.homophones
    best, best_place, places = 0.0, (0, 0), []
    for start, end in plan.places(entry.sounds):
        exact = plan.chars and entry.text.startswith(plan.chars, start)
        grade = SAME if exact else _grade(units, entry, start, homophones)
        if not grade:
            continue
        value = EXACT if grade == SAME else SOUND_BASE + SOUND_SPAN * grade
        value += TITLE_BONUS if end <= entry.title_end else 0
        places.append((start, end))
        if value > best:
            best, best_place = value, (start, end)
        if value == EXACT + TITLE_BONUS and not all_places:
            break  # nothing beats the typed characters in the title
    if not best:
        return None
    return Hit(best, tuple(dict.fromkeys([best_place, *places])) if all_places else ())


def _grade(units: tuple[Unit, ...], entry: Entry, start: int, homophones: bool) -> float:
    """How closely the characters from `start` answer the units: 1.0 exactly, 0 not at all."""
    total = 0.0
    for offset, unit in enumerate(units):
        char, sound = entry.text[start + offset], entry.sounds[start + offset]
        if unit.kind == CHAR:
            if unit.value in (char, sound):
                total += SAME
            elif homophones and set(readings_of(char)) & set(readings_of(unit.value)):
                total += HOMOPHONE
            else:
                return 0.0
        elif unit.kind == SYLLABLE:
            if unit.value not in readings_of(char):
                return 0.0
            total += SYLLABLE_READING
        else:  # an initial: its pattern admits only first readings that start with it
            total += INITIAL_READING
    return total / len(units)


def _similar(plan: Plan, entry: Entry) -> Hit | None:
    """Not found as typed: the best of similarity (a character wrong, missing or extra)
    and cover (the words present in another order, 奖励总部), both on the sounds."""
    if not plan.sounds:
        return None
    candidates: list[tuple[float, tuple[tuple[int, int], ...]]] = []
    # the title first: of equally similar places, the one in the title
    for end in dict.fromkeys(filter(None, (entry.title_end, len(entry.sounds)))):
        alignment = fuzz.partial_ratio_alignment(plan.sounds, entry.sounds[:end], score_cutoff=SIMILAR_MIN)
        if alignment is not None:
            candidates.append((alignment.score, ((alignment.dest_start, alignment.dest_end),)))
    if 3 <= len(plan.sounds) <= COVER_MAX and all(unit.kind == CHAR for unit in plan.alternative.units):
        candidates.append(_cover(plan.sounds, entry.sounds))
    similarity, spans = max(candidates, key=lambda candidate: candidate[0], default=(0.0, ()))
    if similarity < SIMILAR_MIN or not spans:
        return None
    # the share of the hit that is in the title earns that share of the title bonus
    in_title = sum(max(0, min(end, entry.title_end) - start) for start, end in spans)
    share = in_title / sum(end - start for start, end in spans)
    return Hit(SIMILAR_SHARE * similarity + TITLE_BONUS * share, spans)


def _cover(query: str, line: str) -> tuple[float, tuple[tuple[int, int], ...]]:
    """How much of `query` is in `line` as pieces of two or more, longest first, in any order;
    each extra piece costs 5 points."""
    spans = []
    covered = i = 0
    while i < len(query):
        for j in range(len(query), i + 1, -1):
            at = line.find(query[i:j])
            if at >= 0:
                spans.append((at, at + j - i))
                covered += j - i
                i = j
                break
        else:
            i += 1
    if not spans:
        return 0.0, ()
    return 100 * covered / len(query) - 5 * (len(spans) - 1), tuple(spans)


def _figures(entry: Entry, yuan: Decimal) -> tuple[tuple[int, int], ...]:
    """Where the clause prints figures equal to `yuan`: the figure within its quote."""
    spans = []
    for amount in entry.clause.amounts:
        if amount.yuan != yuan:
            continue
        quote_at = entry.text.find(amount.quote)
        figure = amount.printed
        figure_at = amount.quote.find(figure) if quote_at >= 0 else -1
        if figure_at >= 0:
            spans.append((quote_at + figure_at, quote_at + figure_at + len(figure)))
        elif quote_at >= 0:
            spans.append((quote_at, quote_at + len(amount.quote)))
        else:
            spans.append((0, 0))  # the quote spans a line break: the clause still has the figure
    return tuple(dict.fromkeys(spans))
