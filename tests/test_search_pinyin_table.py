"""The pinyin table: built from pypinyin once, cached, and then a search never imports pypinyin."""

from __future__ import annotations

import os
import subprocess
import sys

from policytui.core.search import pinyin_table
from policytui.core.search.pinyin_table import _build, _read, _source_key, _write

SEARCH_IN_A_FRESH_PROCESS = """
import sys
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search
index = SearchIndex(load_library(dirs=data_dirs(user=False, env={})))
print([r.id for r in search(index, "zjtx", limit=2)], "pypinyin" in sys.modules)
"""


def run_search(cache_home) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", SEARCH_IN_A_FRESH_PROCESS], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_with_the_table_present_a_search_does_not_import_pypinyin(tmp_path):
    first = run_search(tmp_path)  # builds the table: pypinyin is imported this once
    assert first.endswith("True")
    assert (tmp_path / "policytui" / "pinyin-table.txt").is_file()
    second = run_search(tmp_path)
    assert second.endswith("False")
    assert first.removesuffix("True") == second.removesuffix("False")  # the same results
    assert "wuxi-draft/m6" in second


def test_the_table_holds_every_reading_in_pypinyins_order(tmp_path):
    table = _build()
    assert table["行"].split(",")[:2] == ["xing", "hang"]
    assert table["长"].split(",")[:2] == ["zhang", "chang"]
    path = tmp_path / "table.txt"
    _write(path, "key", table)
    assert _read(path, "key") == (table, tuple(sorted({r for rs in table.values() for r in rs.split(",")})))
    assert _read(path, "another key") is None  # pypinyin changed: built again


def test_a_damaged_table_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    path = tmp_path / "policytui" / "pinyin-table.txt"
    path.parent.mkdir()
    _write(path, _source_key(), _build())
    path.write_bytes(path.read_bytes()[:-1000])  # cut off
    monkeypatch.setattr(pinyin_table, "table_path", lambda: path)
    pinyin_table._table.cache_clear()
    try:
        table = pinyin_table.readings_table()
    finally:
        pinyin_table._table.cache_clear()
    assert len(table) > 20000
    assert _read(path, _source_key()) == (table, pinyin_table._syllables_of(table))


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    _write(blocker / "pinyin-table.txt", "key", {"行": "xing,hang"})  # its directory cannot be made
    assert not (blocker / "pinyin-table.txt").exists()
