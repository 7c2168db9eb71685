"""The search index kept with the library cache: the same results as one built afresh, never
used for other texts, and a damaged file ignored and replaced."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from policytui.core import cache
from policytui.core.cache import LibraryCache
from policytui.core.search import stored_index
from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search

QUERIES = ["总部奖励", "kaiyuan", "zjtx", "人才 补贴", "开元", "amount>=100万"]
AS_OF = date(2025, 6, 1)


@pytest.fixture
def cache_on(monkeypatch):
    monkeypatch.delenv(cache.DISABLE_VAR)


@pytest.fixture
def built(monkeypatch, library, fixture_library):
    """The results of QUERIES on each library, from indexes built with the cache off."""
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    return {id(lib): results_of(SearchIndex(lib)) for lib in (library, fixture_library)}


def results_of(index: SearchIndex) -> list[list[tuple[str, int, str, tuple[tuple[int, int], ...]]]]:
    return [
        [(r.id, r.score, r.snippet, r.spans) for r in search(index, query, limit=20, as_of=AS_OF)]
        for query in QUERIES
    ]


def kept_file() -> str:
    library_cache = LibraryCache.open()
    assert library_cache is not None
    return os.path.join(library_cache.directory, stored_index.FILE_NAME)


def test_a_kept_index_is_used_and_finds_what_a_built_one_finds(built, cache_on, library, monkeypatch):
    first = SearchIndex(library)
    assert os.path.exists(kept_file())
    monkeypatch.setattr("policytui.core.search.index._work_out", lambda *args: pytest.fail("rebuilt"))
    second = SearchIndex(library)
    assert second.postings[:2] == first.postings[:2]
    assert results_of(first) == results_of(second) == built[id(library)]


def test_an_index_kept_for_other_texts_is_not_used(built, cache_on, library, fixture_library):
    SearchIndex(library)
    assert results_of(SearchIndex(fixture_library)) == built[id(fixture_library)]
    assert results_of(SearchIndex(library)) == built[id(library)]


def test_the_key_changes_with_a_text_a_title_or_a_sound():
    key = stored_index.index_key(["甲乙"], [0], "ab")
    assert key == stored_index.index_key(["甲乙"], [0], "ab")
    assert key != stored_index.index_key(["甲丙"], [0], "ab")
    assert key != stored_index.index_key(["甲", "乙"], [0, 0], "ab")  # the same characters, split
    assert key != stored_index.index_key(["甲乙"], [1], "ab")
    assert key != stored_index.index_key(["甲乙"], [0], "ac")


@pytest.mark.parametrize("damage", ["cut", "flipped", "not an index"])
def test_a_damaged_index_is_ignored_and_replaced(built, cache_on, library, monkeypatch, damage):
    SearchIndex(library)
    path = Path(kept_file())
    data = path.read_bytes()
    if damage == "cut":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    else:  # whole as far as its checksum goes, but not what an index holds
        library_cache = LibraryCache.open()
        assert library_cache is not None
        library_cache.write_payload(str(path), b"\x80\x05K\x01.")  # the pickle of the int 1
    damaged = path.read_bytes()
    assert results_of(SearchIndex(library)) == built[id(library)]
    assert path.read_bytes() != damaged  # written again, and used from then on:
    monkeypatch.setattr("policytui.core.search.index._work_out", lambda *args: pytest.fail("rebuilt"))
    assert results_of(SearchIndex(library)) == built[id(library)]


def test_nothing_is_kept_when_the_cache_is_off(library):
    SearchIndex(library)
    assert not os.path.exists(os.path.join(cache.cache_dir(), stored_index.FILE_NAME))
