"""What a person types, read into terms to find and filters to apply.

    总部奖励  kaiyuan  zj特新  "open source"  500万
    policy:wuxi-draft (or 无锡)  topic:开源  has:amount  amount>=100万

Each term has alternatives, the ways it can be read: the characters as typed,
pinyin (full syllables or initials), a sum of money, a synonym, a topic. The
matcher scores every alternative and keeps the best.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from policytui.core.model import Library
from policytui.core.money import MoneyError, parse_money
from policytui.core.schema import closest
from policytui.core.search.phonetics import fold, split_pinyin

CHAR, SYLLABLE, INITIAL = "char", "syllable", "initial"
MAX_QUERY = 200  # characters: what a person types, with room; longer is a paste gone wrong
# Words that stand for the typed one count a little less than the typed words themselves.
SYNONYM_WEIGHT = 0.95
TOPIC_WEIGHT = 0.85

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"'})
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')  # an unclosed quote runs to the end, as one types
_FILTER = re.compile(r"^(policy|topic|has):(.*)$")
_AMOUNT = re.compile(r"^amount(>=|<=|==|=|>|<|:|≥|≤)(.*)$")
_SEPARATORS = re.compile(r"[、;。!?]+|,(?!\d)|(?<!\d),")  # not the comma of 5,000万
_LATIN_WORD = re.compile(r"^[a-z0-9&+.'-]+$")
_LATIN_RUN = re.compile(r"[a-z]+|.", re.S)
OPERATORS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<", "=": "=", "==": "=", ":": "="}


class QueryError(ValueError):
    """The query cannot be read; the message says what is wrong and what would work."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One position of a term: a character (or one sounding the same), a syllable or an initial."""

    kind: str  # CHAR | SYLLABLE | INITIAL
    value: str


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way to read a term: text to find, a sum of money, or a topic tag."""

    units: tuple[Unit, ...] = ()
    amount: Decimal | None = None
    topic: str | None = None
    weight: float = 1.0
    homophones: bool = False  # a character of the same sound counts (the person's own typing)
    similar: bool = False  # also scored by similarity when not found as it is


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True, slots=True)
class Filters:
    policies: frozenset[str] | None = None  # in one of these policies
    topics: tuple[frozenset[str], ...] = ()  # for each entry: tagged with one of its topics
    has_amount: bool = False  # prints at least one sum of money
    amount_range: tuple[tuple[str, Decimal], ...] = ()  # one sum satisfies every (operator, yuan)

    def __bool__(self) -> bool:
        return self.policies is not None or bool(self.topics) or self.has_amount or bool(self.amount_range)


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    terms: tuple[Term, ...]
    filters: Filters


def _key(word: str) -> str:
    """How names are compared: case, hyphens and spacing do not matter."""
    return " ".join(re.sub(r"[-_]", " ", word.casefold()).split())


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class Lexicon:
    """The names a query may use, taken from the library: policies, cities, topics, synonyms."""

    def __init__(self, library: Library) -> None:
        self.policy_ids = sorted(library.policies)
        self.topic_ids = sorted(library.topics)
        self.policies: dict[str, set[str]] = {}
        for policy in library.policies.values():
            for name in (policy.id, policy.city, policy.city_en):
                if name:
                    self.policies.setdefault(_key(name), set()).add(policy.id)
        self.topics: dict[str, set[str]] = {}
        self.topic_keywords: dict[str, set[str]] = {}
        for topic in library.topics.values():
            for name in (topic.id, topic.name, topic.name_en):
                self.topics.setdefault(_key(name), set()).add(topic.id)
            for keyword in topic.keywords:
                self.topic_keywords.setdefault(_key(keyword), set()).add(topic.id)
        self.synonyms: dict[str, list[str]] = {}
        for synonym in library.synonyms:
            self.synonyms.setdefault(_key(synonym.term), []).extend(synonym.means)
        self.topic_words = {t.id: [w for w in (t.name, *t.keywords) if _has_cjk(w)]
                            for t in library.topics.values()}
        phrases = [*self.synonyms, *self.topics, *self.topic_keywords]
        self.longest_phrase = max((len(p.split()) for p in phrases), default=1)

    def knows(self, word: str) -> bool:
        key = _key(word)
        return key in self.synonyms or key in self.topics or key in self.topic_keywords

    def topics_named(self, word: str) -> set[str]:
        key = _key(word)
        return self.topics.get(key) or self.topic_keywords.get(key) or set()


def parse_query(text: str, lexicon: Lexicon, policy: str | None = None) -> Query:
    """Read `text`, within `policy` if given; raise QueryError when it is empty or a filter
    cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise QueryError("empty query: type words, pinyin, an amount or a filter such as topic:开源")
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long: {len(text)} characters, at most {MAX_QUERY}")
    folded = fold(text).translate(_QUOTES)
    words: list[str] = []
    filters = Filters()
    for match in _TOKEN.finditer(folded):
        if match.group(1) is not None:
            words.append(match.group(1))
            continue
        for token in filter(None, _SEPARATORS.split(match.group(2))):
            if (named := _FILTER.match(token)) or (named := _AMOUNT.match(token)):
                filters = _add_filter(filters, named.group(1), named.group(2), token, lexicon)
            elif _key(token) in lexicon.policies:  # a city name (无锡) or a policy id on its own
                filters = _add_filter(filters, "policy", token, token, lexicon)
            else:
                words.append(token)
    if policy is not None:
        filters = _add_filter(filters, "policy", policy, f"--policy {policy}", lexicon)
    terms = tuple(term for word in _join_phrases(words, lexicon) if (term := _term(word, lexicon)))
    if not terms and not filters:
        raise QueryError(f"nothing to search for in '{text.strip()}'")
    return Query(text.strip(), terms, filters)


def _add_filter(filters: Filters, name: str, value: str, token: str, lexicon: Lexicon) -> Filters:
    value = value.strip()
    if not value:
        raise QueryError(f"'{token}' needs a value, such as policy:wuxi-draft, topic:开源, has:amount "
                         "or amount>=100万")
    if name == "policy":
        policies = lexicon.policies.get(_key(value))
        if not policies:
            raise QueryError(f"no policy '{value}'" + _hint(value, lexicon.policy_ids))
        chosen = policies if filters.policies is None else filters.policies & policies
        return replace(filters, policies=frozenset(chosen))
    if name == "topic":
        topics = lexicon.topics_named(value)
        if not topics:
            raise QueryError(f"no topic '{value}'" + _hint(value, lexicon.topic_ids))
        return replace(filters, topics=(*filters.topics, frozenset(topics)))
    if name == "has":
        if value != "amount":
            raise QueryError(f"'{token}': has: takes 'amount' (clauses that print a sum of money)")
        return replace(filters, has_amount=True)
    try:
        yuan = parse_money(value)
    except MoneyError as error:
        raise QueryError(f"'{token}': {error}") from None
    return replace(filters, amount_range=(*filters.amount_range, (OPERATORS[name], yuan)))


def _hint(value: str, names: Iterable[str]) -> str:
    near = closest(value, names)
    return f"; did you mean {', '.join(near)}?" if near else ""


def _join_phrases(words: list[str], lexicon: Lexicon) -> list[str]:
    """Join English words the lexicon knows as one phrase: open source, big data."""
    joined, i = [], 0
    while i < len(words):
        for n in range(min(lexicon.longest_phrase, len(words) - i), 1, -1):
            group = words[i:i + n]
            if all(_LATIN_WORD.match(w) for w in group) and lexicon.knows(" ".join(group)):
                joined.append(" ".join(group))
                i += n
                break
        else:
            joined.append(words[i])
            i += 1
    return joined


def _term(word: str, lexicon: Lexicon) -> Term | None:
    word = " ".join(word.split())
    if not word:
        return None
    # What the person typed may hold a typo; a figure is never "similar" (50万 is not 500万).
    typed = _has_cjk(word)
    similar = typed and not any(ch.isdigit() for ch in word)
    alternatives = [Alternative(tuple(Unit(CHAR, ch) for ch in word), homophones=typed, similar=similar)]
    pinyin = _pinyin_units(word)
    if pinyin is not None:
        whole_syllables = all(u.kind != INITIAL for u in pinyin)
        # An English word the lexicon knows (talent) is not also read as pinyin (ta len t),
        # unless it is pinyin through and through (xinchuang).
        if whole_syllables or not lexicon.knows(word):
            similar = all(u.kind == SYLLABLE for u in pinyin)
            alternatives.append(Alternative(pinyin, homophones=True, similar=similar))
    try:
        alternatives.append(Alternative(amount=parse_money(word)))
    except MoneyError:
        pass
    alternatives += _lexicon_alternatives(word, lexicon)
    return Term(word, _distinct(alternatives))


def _pinyin_units(word: str) -> tuple[Unit, ...] | None:
    """The word read as pinyin, Chinese characters kept as they are (zj特新); None if it has no pinyin."""
    if not re.search("[a-z]", word) or not all(ch.isalpha() for ch in word):
        return None
    units: list[Unit] = []
    for run in _LATIN_RUN.findall(word):
        if run.isascii() and run.isalpha():
            pieces = split_pinyin(run)
            if pieces is None:
                return None
            units += [Unit(SYLLABLE if whole else INITIAL, piece) for piece, whole in pieces]
        else:
            units.append(Unit(CHAR, run))
    return tuple(units)


def _lexicon_alternatives(word: str, lexicon: Lexicon) -> list[Alternative]:
    alternatives = [Alternative(_chars(mean), weight=SYNONYM_WEIGHT)
                    for mean in lexicon.synonyms.get(_key(word), ())]
    named = lexicon.topics.get(_key(word), set())
    for topic in sorted(lexicon.topics_named(word)):
        alternatives.append(Alternative(topic=topic))
        if topic in named:  # a topic's own name stands for its words; one of its keywords does not
            alternatives += [Alternative(_chars(w), weight=TOPIC_WEIGHT) for w in lexicon.topic_words[topic]]
    return alternatives


def _chars(word: str) -> tuple[Unit, ...]:
    return tuple(Unit(CHAR, ch) for ch in fold(word))


def _distinct(alternatives: list[Alternative]) -> tuple[Alternative, ...]:
    """One alternative per way of matching, with the highest weight any reading gave it."""
    best: dict[tuple, Alternative] = {}
    for alternative in alternatives:
        key = (alternative.units, alternative.amount, alternative.topic)
        if key not in best or alternative.weight > best[key].weight:
            best[key] = alternative
    return tuple(best.values())
