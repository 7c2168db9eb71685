"""Did you mean: for a query that found nothing, the known words nearest to what was typed.

The vocabulary is the index's: topic names and keywords, synonyms and the
words they stand for, and clause titles. A Chinese word is also compared by
its pinyin and initials, so `zhuanjingtexi` or `zjtxx` still lead to 专精特新.
Only a term that finds nothing on its own gets suggestions: when the filters
alone leave nothing, there is no better word to offer.
"""

from __future__ import annotations

from policytui.core.closest import closest
from policytui.core.search.index import SearchIndex
from policytui.core.search.phonetics import readings_of
from policytui.core.search.query import QueryError, has_cjk, parse_query
from policytui.core.search.rank import search

SUGGESTIONS = 5  # at most, over all the query's terms


def did_you_mean(index: SearchIndex, text: str, limit: int = SUGGESTIONS) -> list[str]:
    """Known words near the query's terms that find nothing, best first ([] if none is near)."""
    try:
        terms = parse_query(text, index.lexicon).terms
    except QueryError:
        return []
    chinese, latin = _vocabulary(index)
    found: list[str] = []
    for term in terms:
        if search(index, f'"{term.text}"', limit=1):
            continue
        if has_cjk(term.text):
            found += closest(term.text, chinese, whole=True)
        else:
            forms = {**latin, **{form: word for word in chinese for form in _pinyin_forms(word)}}
            found += [forms[form] for form in closest(term.text.casefold(), forms, whole=True)]
    return [word for word in dict.fromkeys(found) if word.casefold() not in text.casefold()][:limit]


def _vocabulary(index: SearchIndex) -> tuple[list[str], dict[str, str]]:
    """The Chinese words, and the Latin ones by their lower case."""
    library = index.library
    words = [*(s.term for s in library.synonyms), *(m for s in library.synonyms for m in s.means)]
    for topic in library.topics.values():
        words += [topic.name, topic.name_en, *topic.keywords]
    words += [entry.clause.title for entry in index.entries if entry.clause.title]
    chinese = list(dict.fromkeys(word for word in words if has_cjk(word)))
    latin = {word.casefold(): word for word in words if not has_cjk(word)}
    return chinese, latin


def _pinyin_forms(word: str) -> tuple[str, str]:
    """The word's first readings run together, and their initials (专精特新: zhuanjingtexin, zjtx)."""
    readings = [readings_of(char)[:1] or (char,) for char in word]
    return "".join(r[0] for r in readings), "".join(r[0][0] for r in readings)
