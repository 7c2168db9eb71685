"""The labelled queries (tests/search_labels.toml): each expected clause is in the top 5,
over the bundled policies and the third city of tests/fixtures/search, as of AS_OF."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search
from tests.conftest import AS_OF, FIXTURES

LABELS = tomllib.loads((Path(__file__).parent / "search_labels.toml").read_text(encoding="utf-8"))["queries"]
KINDS = {
    "phrase",
    "typo",
    "pinyin",
    "initials",
    "mixed",
    "english",
    "amount",
    "filter",
    "inflection",
    "long-initials",
    "english-phrase",
    "city",
    "status",
    "kind",
}


@pytest.fixture(scope="module")
def labelled_library():
    return load_library(dirs=data_dirs([FIXTURES / "search"], user=False, env={}))


@pytest.fixture(scope="module")
def index(labelled_library):
    return SearchIndex(labelled_library)


def test_the_labelled_set_is_large_and_covers_every_kind():
    assert len(LABELS) >= 80
    assert {label["kind"] for label in LABELS} == KINDS


def test_the_third_city_loads_without_problems(labelled_library):
    assert "qingshi-2024" in labelled_library.policies and labelled_library.problems == []


def test_every_expected_id_exists(labelled_library):
    for label in LABELS:
        for clause_id in label["expect"]:
            assert labelled_library.clause(clause_id) is not None, (label["query"], clause_id)


@pytest.mark.parametrize("label", LABELS, ids=[f"{label['kind']}:{label['query']}" for label in LABELS])
def test_expected_clauses_are_in_the_top_five(index, label):
    top = [result.id for result in search(index, label["query"], limit=5, as_of=AS_OF)]
    missing = [clause_id for clause_id in label["expect"] if clause_id not in top]
    assert not missing, f"{label['query']!r}: {missing} not in {top}"
