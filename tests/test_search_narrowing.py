"""The index narrows a query to a few candidates without changing the answer: on a corpus of
shuffled real sentences, the top 10 are those of scoring every clause. (A clause holding not
one pair of a term can only be a weak similar match; it is never a candidate.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from policytui.core.search import rank
from policytui.core.search.index import SearchIndex

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "search_bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("search_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_index(bench):
    return SearchIndex(bench.synthetic_library(bench.real_library(), 1500))


# beyond the labelled set: a term everywhere (软件), one with it (园区 租金), one character
MORE = ["软件", "园区 租金", "开源 500万", "总", "人工智能 算力", "信息技术应用创新企业", "changsanjiao"]


def test_candidates_give_the_same_top_ten_as_scoring_everything(bench, corpus_index, monkeypatch):
    queries = [label["query"] for label in bench.labelled_queries()] + MORE
    narrowed = {q: [r.id for r in rank.search(corpus_index, q, as_of=bench.AS_OF)] for q in queries}
    monkeypatch.setattr(rank, "candidates", lambda index, plans, admitted, limit: list(admitted.numbers()))
    for query in queries:
        assert [r.id for r in rank.search(corpus_index, query, as_of=bench.AS_OF)] == narrowed[query], query
