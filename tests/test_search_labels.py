"""The labelled queries (tests/search_labels.toml): each expected clause is in the top 5."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search

LABELS = tomllib.loads((Path(__file__).parent / "search_labels.toml").read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def index(library):
    return SearchIndex(library)


def test_the_labelled_set_is_large_and_covers_every_kind():
    kinds = {label["kind"] for label in LABELS}
    assert len(LABELS) >= 30
    assert kinds == {"phrase", "typo", "pinyin", "initials", "mixed", "english", "amount", "filter"}


def test_every_expected_id_exists(library):
    for label in LABELS:
        for clause_id in label["expect"]:
            assert library.clause(clause_id) is not None, (label["query"], clause_id)


@pytest.mark.parametrize("label", LABELS, ids=[f"{label['kind']}:{label['query']}" for label in LABELS])
def test_expected_clauses_are_in_the_top_five(index, label):
    top = [result.id for result in search(index, label["query"], limit=5)]
    missing = [clause_id for clause_id in label["expect"] if clause_id not in top]
    assert not missing, f"{label['query']!r}: {missing} not in {top}"
