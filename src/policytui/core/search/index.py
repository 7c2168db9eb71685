"""The search index, built once after loading: what narrows a query to a few candidates.

For every clause it keeps the searchable text and its sounds (one sound code
per character, so positions in the sounds are positions in the text), and
for every pair of adjacent sound codes, and of adjacent initials, the clauses
that contain it, in the body and in the title. Figures and topics are indexed
too. Matching itself (match.py) only ever looks at the candidates.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import add, eq, ge, gt, le, lt

from policytui.core.model import Clause, Library
from policytui.core.search import stored_index
from policytui.core.search.phonetics import SoundTable
from policytui.core.search.query import Filters, Lexicon
from policytui.core.search.stored_index import Worked
from policytui.core.status import PolicyStatus, Validity, policy_status

_COMPARE = {">=": ge, ">": gt, "<=": le, "<": lt, "=": eq}


@dataclass(frozen=True, slots=True)
class Entry:
    """One clause as search sees it."""

    clause: Clause
    text: str  # the clause's text, after its title when the text does not print it
    sounds: str  # one sound code per character of `text`
    title_end: int  # text[:title_end] is the label and title (0: none)


def _posting() -> array[int]:
    return array("I")  # clause numbers, ascending: half the memory of a list of ints


def _pairs(line: str) -> set[str]:
    """Every two adjacent characters of `line`."""
    return set(map(add, line, line[1:]))


class SearchIndex:
    """Clauses in library order, and the postings that lead from a query to them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.lexicon = Lexicon(library)
        clauses = list(library.clauses())
        texts = [_searchable_text(clause) for clause in clauses]
        title_ends = [_title_end(clause, text) for clause, text in zip(clauses, texts, strict=True)]
        chars = "".join(sorted(set("".join(texts))))  # one pass in C over every character
        self.sound_table = SoundTable(chars)
        key = stored_index.index_key(texts, title_ends, self.sound_table.sounds(chars))
        worked = stored_index.recall(key)
        if worked is None:
            worked = _work_out(texts, title_ends, self.sound_table)
            stored_index.keep(key, worked)
        self.entries = [
            Entry(*entry) for entry in zip(clauses, texts, worked.sounds, title_ends, strict=True)
        ]
        # body sounds, title sounds, body initials, title initials: pair -> clause numbers
        letters = self.sound_table.letters
        body, title = worked.body, worked.title
        self.postings = (body, title, ByInitials(body, letters), ByInitials(title, letters))
        self._index_facts()

    def _index_facts(self) -> None:
        """Figures, topics and policies: what filters and amount terms look up."""
        self.by_amount: dict[Decimal, list[int]] = defaultdict(list)
        self.by_topic: dict[str, list[int]] = defaultdict(list)
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        self.policy_range: dict[str, range] = {}
        for number, entry in enumerate(self.entries):
            for yuan in sorted({a.yuan for a in entry.clause.amounts if a.yuan is not None}):
                self.by_amount[yuan].append(number)
            for topic in entry.clause.topics:
                self.by_topic[topic].append(number)
            self.by_kind[entry.clause.kind].append(number)
            policy = entry.clause.policy_id
            start = self.policy_range[policy].start if policy in self.policy_range else number
            self.policy_range[policy] = range(start, number + 1)
        self.amount_values = sorted(self.by_amount)

    def __len__(self) -> int:
        return len(self.entries)

    def statuses(self, as_of: date) -> dict[str, PolicyStatus]:
        """Each policy's status as of the date."""
        return {
            policy_id: policy_status(policy, as_of) for policy_id, policy in self.library.policies.items()
        }

    def admitted(self, filters: Filters, statuses: dict[str, PolicyStatus]) -> Admitted:
        """The clause numbers that pass `filters`, judging status: filters by `statuses`."""
        ranges: tuple[range, ...] = (range(len(self.entries)),)
        policies: Set[str] | None = filters.policies
        if filters.statuses:
            having = {p for p, status in statuses.items() if filters.statuses <= status_words(status)}
            policies = having if policies is None else policies & having
        if policies is not None:
            ranges = tuple(
                sorted(
                    (self.policy_range[p] for p in policies if p in self.policy_range), key=lambda r: r.start
                )
            )
        sets = [{n for topic in topics for n in self.by_topic.get(topic, ())} for topics in filters.topics]
        if filters.kinds is not None:
            sets.append({n for kind in filters.kinds for n in self.by_kind.get(kind, ())})
        if filters.has_amount or filters.amount_range:
            sets.append(self._amount_test(filters.amount_range))
        only = set.intersection(*sets) if sets else None
        return Admitted(ranges, only, ranges != (range(len(self.entries)),))

    def _amount_test(self, bounds: Sequence[tuple[str, Decimal]]) -> set[int]:
        """Clauses with one figure inside every bound (has:amount: any figure at all)."""
        return {
            number
            for value in self.amount_values
            if all(_COMPARE[operator](value, yuan) for operator, yuan in bounds)
            for number in self.by_amount[value]
        }


class ByInitials:
    """Postings of pairs of initials (zj), each the union of the postings of the pairs of sounds
    with those initials, made when a query first asks: most pairs of initials never are, and
    making them all took a sixth of the time to build the index."""

    def __init__(self, by_sounds: dict[str, array[int]], letters: Callable[[str], str]) -> None:
        self._by_sounds = by_sounds
        self._keys: defaultdict[str, list[str]] = defaultdict(list)
        for key in by_sounds:
            self._keys[letters(key)].append(key)
        self._made: dict[str, Sequence[int]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __getitem__(self, key: str) -> Sequence[int]:
        if key not in self._made:
            postings = [self._by_sounds[k] for k in self._keys[key]]
            self._made[key] = (
                postings[0] if len(postings) == 1 else array("I", sorted(set().union(*postings)))
            )
        return self._made[key]


@dataclass(frozen=True, slots=True)
class Admitted:
    """The clauses a query's filters let through: ranges of clause numbers (the policies),
    and the set the topic and amount filters allow (None when there are none)."""

    ranges: tuple[range, ...]
    only: set[int] | None
    narrowed: bool  # the ranges leave some clauses out

    def numbers(self) -> Iterator[int]:
        """Every admitted clause number, in order."""
        for numbers in self.ranges:
            yield from (numbers if self.only is None else (n for n in numbers if n in self.only))

    def within(self, posting: Sequence[int]) -> Sequence[int]:
        """The part of a posting inside the ranges (a posting is in ascending order)."""
        if not self.narrowed:
            return posting
        parts = [posting[bisect_left(posting, r.start) : bisect_left(posting, r.stop)] for r in self.ranges]
        return parts[0] if len(parts) == 1 else [n for part in parts for n in part]


def status_words(status: PolicyStatus) -> frozenset[str]:
    """What status: may ask for. in-force means usable: in force and not a draft."""
    words = {"draft"} if status.draft else set()
    if status.usable:
        words.add("in-force")
    elif status.validity is Validity.EXPIRED:
        words.add("expired")
    elif status.validity is Validity.NOT_YET:
        words.add("not-yet")
    return frozenset(words)


def _work_out(texts: Sequence[str], title_ends: Sequence[int], sound_table: SoundTable) -> Worked:
    """Each text's sounds, and for each pair of sounds the numbers of the texts holding it, in
    the body and in the title."""
    all_sounds: list[str] = []
    body: defaultdict[str, array[int]] = defaultdict(_posting)
    title: defaultdict[str, array[int]] = defaultdict(_posting)
    for number, (text, title_end) in enumerate(zip(texts, title_ends, strict=True)):
        sounds = sound_table.sounds(text)
        all_sounds.append(sounds)
        for key in _pairs(sounds):
            body[key].append(number)
        if title_end > 1:
            for key in _pairs(sounds[:title_end]):
                title[key].append(number)
    return Worked(all_sounds, dict(body), dict(title))


def _searchable_text(clause: Clause) -> str:
    if clause.title and clause.title not in clause.text:
        return f"{clause.title}\n{clause.text}"
    return clause.text


def _title_end(clause: Clause, text: str) -> int:
    """Where the printed label and title end in `text` (0 for a clause without a title)."""
    if not clause.title:
        return 0
    return text.find(clause.title) + len(clause.title)
