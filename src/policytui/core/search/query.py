"""What a person types, read into terms to find and filters to apply.

    总部奖励  kaiyuan  zj特新  "open source"  500万
    policy:wuxi-draft (or 无锡)  topic:开源  has:amount  amount>=100万
    city:无锡 (or Wuxi)  status:in-force|draft|expired|not-yet  kind:item

Each term has alternatives, the ways it can be read: the characters as typed,
pinyin (full syllables or initials), a sum of money, a synonym, a topic. The
matcher scores every alternative and keeps the best. English words are keyed
by english.py, so an inflection finds what its base word finds. Words of a
known English phrase (rent subsidy) are one term each, every one carrying the
phrase's own readings: a clause with the whole phrase scores on every word,
one with a single word on that word alone. Pinyin typed with spaces
(zhuan jing te xin) is one term, its syllables split where the spaces are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from policytui.core.closest import closest
from policytui.core.model import Library
from policytui.core.money import MoneyError, parse_money
from policytui.core.search.english import phrase_key
from policytui.core.search.phonetics import fold, split_pinyin

CHAR, SYLLABLE, INITIAL = "char", "syllable", "initial"
MAX_QUERY = 200  # characters: what a person types, with room; longer is a paste gone wrong
# Words that stand for the typed one count a little less than the typed words themselves.
SYNONYM_WEIGHT = 0.95
TOPIC_WEIGHT = 0.85
WORD_WEIGHT = 0.9  # one word of a known phrase (data, of big data) stands for the phrase a little less
# status: values, and the Chinese words people use for them
STATUSES = {
    "in-force": "in-force",
    "draft": "draft",
    "expired": "expired",
    "not-yet": "not-yet",
    "not-yet-in-force": "not-yet",
    "现行": "in-force",
    "有效": "in-force",
    "草案": "draft",
    "征求意见稿": "draft",
    "失效": "expired",
    "已失效": "expired",
    "未生效": "not-yet",
}
_STOP_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "or"})

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"'})
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')  # an unclosed quote runs to the end, as one types
_FILTER = re.compile(r"^(policy|city|topic|has|status|kind):(.*)$")
_AMOUNT = re.compile(r"^amount(>=|<=|==|=|>|<|:|≥|≤)(.*)$")
_SEPARATORS = re.compile(r"[、;。!?]+|,(?!\d)|(?<!\d),")  # not the comma of 5,000万
_LATIN_WORD = re.compile(r"^[a-z0-9&+.'-]+$")
_LATIN_RUN = re.compile(r"[a-z]+|.", re.S)
OPERATORS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<", "=": "=", "==": "=", ":": "="}


class QueryError(ValueError):
    """The query cannot be read. `reason` says what is wrong, `values` fill it in (the token,
    the closest names in `near`); the UI words it in the user's language (i18n search.error.*)."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason, values)
        self.reason = reason
        self.values = values


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
    statuses: frozenset[str] = frozenset()  # has every one of these statuses as of the search's date
    kinds: frozenset[str] | None = None  # a clause of one of these kinds

    def __bool__(self) -> bool:
        return (
            self.policies is not None
            or bool(self.topics)
            or self.has_amount
            or bool(self.amount_range)
            or bool(self.statuses)
            or self.kinds is not None
        )


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    terms: tuple[Term, ...]
    filters: Filters


def _key(word: str) -> str:
    """How names are compared: case, hyphens, spacing and English inflections do not matter."""
    return phrase_key(re.sub(r"[-_]", " ", word.casefold()))


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class Lexicon:
    """The names a query may use, taken from the library: policies, cities, topics, synonyms."""

    def __init__(self, library: Library) -> None:
        self.policy_ids = sorted(library.policies)
        self.topic_ids = sorted(library.topics)
        self.policies: dict[str, set[str]] = {}
        self.cities: dict[str, set[str]] = {}
        for policy in library.policies.values():
            for name in (policy.id, policy.city, policy.city_en):
                if name:
                    self.policies.setdefault(_key(name), set()).add(policy.id)
            for name in (policy.city, policy.city_en):
                if name:
                    self.cities.setdefault(_key(name), set()).add(policy.id)
        self.city_names = sorted(
            {name for p in library.policies.values() for name in (p.city, p.city_en) if name}
        )
        self.kinds = sorted({clause.kind for clause in library.clauses()})
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
        self.topic_words = {
            t.id: [w for w in (t.name, *t.keywords) if has_cjk(w)] for t in library.topics.values()
        }
        phrases = [*self.synonyms, *self.topics, *self.topic_keywords]
        self.longest_phrase = max((len(p.split()) for p in phrases), default=1)
        # a word of a known English phrase -> the phrases (keys) it is part of
        self.phrases_with: dict[str, list[str]] = {}
        for phrase in dict.fromkeys(phrases):
            words = phrase.split()
            for word in words if len(words) > 1 else ():
                if _LATIN_WORD.match(word) and word not in _STOP_WORDS and len(word) > 1:
                    self.phrases_with.setdefault(word, []).append(phrase)

    def knows(self, word: str) -> bool:
        key = _key(word)
        return key in self.synonyms or key in self.topics or key in self.topic_keywords

    def knows_word(self, word: str) -> bool:
        """A phrase the lexicon knows, or one word of one."""
        return self.knows(word) or _key(word) in self.phrases_with

    def topics_named(self, word: str) -> set[str]:
        key = _key(word)
        return self.topics.get(key) or self.topic_keywords.get(key) or set()


def parse_query(text: str, lexicon: Lexicon, policy: str | None = None) -> Query:
    """Read `text`, within `policy` if given; raise QueryError when it is empty or a filter
    cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise QueryError("empty")
    if len(text) > MAX_QUERY:
        raise QueryError("too_long", length=len(text), limit=MAX_QUERY)
    folded = fold(text).translate(_QUOTES)
    words: list[str] = []
    quoted: set[int] = set()  # positions of quoted phrases, kept whole
    filters = Filters()
    for match in _TOKEN.finditer(folded):
        if match.group(1) is not None:
            quoted.add(len(words))
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
    terms = tuple(
        term
        for group in _join_pinyin(_join_phrases(words, quoted, lexicon), lexicon)
        for term in _terms(group, lexicon)
    )
    if not terms and not filters:
        raise QueryError("nothing", text=text.strip())
    return Query(text.strip(), terms, filters)


def _add_filter(filters: Filters, name: str, value: str, token: str, lexicon: Lexicon) -> Filters:
    value = value.strip()
    if not value:
        raise QueryError("needs_value", token=token)
    if name in ("policy", "city"):  # policy: takes a city name too; city: only a city name
        by_name, names = (
            (lexicon.policies, lexicon.policy_ids)
            if name == "policy"
            else (lexicon.cities, lexicon.city_names)
        )
        policies = by_name.get(_key(value))
        if not policies:
            raise QueryError(f"no_{name}", value=value, near=closest(value, names))
        chosen = policies if filters.policies is None else filters.policies & policies
        return replace(filters, policies=frozenset(chosen))
    if name == "status":
        status = STATUSES.get(value.casefold())
        if status is None:
            raise QueryError("status", token=token)
        return replace(filters, statuses=filters.statuses | {status})
    if name == "kind":
        if value.casefold() not in lexicon.kinds:
            raise QueryError("no_kind", value=value, near=closest(value, lexicon.kinds))
        kinds = {value.casefold()} if filters.kinds is None else filters.kinds & {value.casefold()}
        return replace(filters, kinds=frozenset(kinds))
    if name == "topic":
        topics = lexicon.topics_named(value)
        if not topics:
            raise QueryError("no_topic", value=value, near=closest(value, lexicon.topic_ids))
        return replace(filters, topics=(*filters.topics, frozenset(topics)))
    if name == "has":
        if value != "amount":
            raise QueryError("has", token=token)
        return replace(filters, has_amount=True)
    try:
        yuan = parse_money(value)
    except MoneyError:
        raise QueryError("amount", token=token, value=value) from None
    return replace(filters, amount_range=(*filters.amount_range, (OPERATORS[name], yuan)))


def _join_phrases(words: list[str], quoted: set[int], lexicon: Lexicon) -> list[list[str]]:
    """Group English words the lexicon knows as one phrase (open source, software parks);
    every other word, and a quoted phrase, is a group of one."""
    groups, i = [], 0
    while i < len(words):
        for n in range(min(lexicon.longest_phrase, len(words) - i), 1, -1):
            group = words[i : i + n]
            if (
                not quoted & set(range(i, i + n))
                and all(_LATIN_WORD.match(w) for w in group)
                and lexicon.knows(" ".join(group))
            ):
                groups.append(group)
                i += n
                break
        else:
            groups.append([words[i]])
            i += 1
    return groups


def _join_pinyin(groups: list[list[str]], lexicon: Lexicon) -> list[list[str]]:
    """Pinyin typed with spaces as one word: zhuan jing te xin, z j t x, zijinshan yingcai.
    Only runs of lone words that read as pinyin and that the lexicon does not know."""

    def is_pinyin(group: list[str]) -> bool:
        return len(group) == 1 and all(
            word.isascii()
            and word.isalpha()
            and not lexicon.knows_word(word)
            and split_pinyin(word) is not None
            for word in group[0].split()
        )

    joined: list[list[str]] = []
    for group in groups:
        if joined and is_pinyin(group) and is_pinyin(joined[-1]):
            joined[-1] = [f"{joined[-1][0]} {group[0]}"]  # the spaces still say where syllables end
        else:
            joined.append(group)
    return joined


def _terms(group: list[str], lexicon: Lexicon) -> list[Term]:
    """A word is one term, and so is a known phrase that stands for words of the documents
    (software park: 软件园) or whose words mean nothing alone (open source). A phrase that
    only names a topic, of words that do mean something (rent subsidy: 租金, 补贴), is a
    term per word, each carrying the phrase's topic: the clause with every word first."""
    phrase = _lexicon_alternatives(" ".join(group), lexicon)
    owns = [
        [replace(a, weight=a.weight * WORD_WEIGHT) for a in _named(_key(word), lexicon)] for word in group
    ]
    if len(group) == 1 or any(a.units for a in phrase) or not any(owns):
        term = _term(" ".join(group), lexicon)
        return [term] if term else []
    return [
        Term(word, _distinct([Alternative(_chars(word)), *phrase, *own]))
        for word, own in zip(group, owns, strict=False)
    ]


def _term(word: str, lexicon: Lexicon) -> Term | None:
    word = " ".join(word.split())
    if not word:
        return None
    # What the person typed may hold a typo; a figure is never "similar" (50万 is not 500万).
    typed = has_cjk(word)
    similar = typed and not any(ch.isdigit() for ch in word)
    alternatives = [Alternative(tuple(Unit(CHAR, ch) for ch in word), homophones=typed, similar=similar)]
    pinyin = _pinyin_units(word)
    if pinyin is not None:
        whole_syllables = all(u.kind != INITIAL for u in pinyin)
        # An English word the lexicon knows (talent) is not also read as pinyin (ta len t),
        # unless it is pinyin through and through (xinchuang).
        if whole_syllables or not lexicon.knows_word(word):
            similar = all(u.kind == SYLLABLE for u in pinyin)
            alternatives.append(Alternative(pinyin, homophones=True, similar=similar))
            if not whole_syllables:
                # initials are typed one letter a character: the zh of 智慧 (zhihui) is z+h, and
                # the a of 安全 (anquan) an initial, not the syllable a
                alternatives.append(Alternative(_letters(word), homophones=True))
    try:
        alternatives.append(Alternative(amount=parse_money(word)))
    except MoneyError:
        pass
    alternatives += _lexicon_alternatives(word, lexicon)
    return Term(word, _distinct(alternatives))


def _pinyin_units(word: str) -> tuple[Unit, ...] | None:
    """The word read as pinyin, Chinese characters kept as they are (zj特新); None if it has no pinyin."""
    if not re.search("[a-z]", word) or not all(ch.isalpha() for ch in word.replace(" ", "")):
        return None
    units: list[Unit] = []
    for run in _LATIN_RUN.findall(word.replace(" ", "") if has_cjk(word) else word):
        if run == " ":
            continue
        if run.isascii() and run.isalpha():
            pieces = split_pinyin(run)
            if pieces is None:
                return None
            units += [Unit(SYLLABLE if whole else INITIAL, piece) for piece, whole in pieces]
        else:
            units.append(Unit(CHAR, run))
    return tuple(units)


def _letters(word: str) -> tuple[Unit, ...]:
    """Every Latin letter an initial, Chinese characters kept as they are."""
    return tuple(Unit(INITIAL, ch) if ch.isascii() else Unit(CHAR, ch) for ch in word if ch != " ")


def _lexicon_alternatives(word: str, lexicon: Lexicon) -> list[Alternative]:
    """What the lexicon says the word stands for: as a whole, then as a word of longer phrases."""
    key = _key(word)
    alternatives = _named(key, lexicon)
    for phrase in lexicon.phrases_with.get(key, ()):
        if phrase != key:  # a word of a topic's name (software) leads to the topic, not to all its words
            alternatives += [
                replace(a, weight=a.weight * WORD_WEIGHT) for a in _named(phrase, lexicon, topic_words=False)
            ]
    return alternatives


def _named(key: str, lexicon: Lexicon, topic_words: bool = True) -> list[Alternative]:
    alternatives = [
        Alternative(_chars(mean), weight=SYNONYM_WEIGHT) for mean in lexicon.synonyms.get(key, ())
    ]
    named = lexicon.topics.get(key, set())
    for topic in sorted(named or lexicon.topic_keywords.get(key, set())):
        alternatives.append(Alternative(topic=topic))
        if topic in named and topic_words:  # a topic's own name stands for its words; a keyword does not
            alternatives += [Alternative(_chars(w), weight=TOPIC_WEIGHT) for w in lexicon.topic_words[topic]]
    return alternatives


def _chars(word: str) -> tuple[Unit, ...]:
    return tuple(Unit(CHAR, ch) for ch in fold(word))


def _distinct(alternatives: list[Alternative]) -> tuple[Alternative, ...]:
    """One alternative per way of matching, with the highest weight any reading gave it."""
    best: dict[tuple[tuple[Unit, ...], Decimal | None, str | None], Alternative] = {}
    for alternative in alternatives:
        key = (alternative.units, alternative.amount, alternative.topic)
        if key not in best or alternative.weight > best[key].weight:
            best[key] = alternative
    return tuple(best.values())
