"""The library cache: a warm load equals a fresh one, and a stale or damaged entry is never used."""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from pathlib import Path

import pytest

from policytui.core import cache
from policytui.core.cache import MAGIC, LibraryCache, cache_dir, load_if_warm
from policytui.core.file_kinds import TEXT_PASSES
from policytui.core.load_ahead import LoadAhead
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.render.problems import worded
from tests.conftest import FIXTURES
from tests.test_import_hygiene import modules_after

OLD_AWARD = "给予最高100万元一次性奖励"


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    monkeypatch.delenv(cache.DISABLE_VAR)


@pytest.fixture
def city(tmp_path) -> Path:
    """A copy of the fixture policy and its source, free to edit."""
    directory = tmp_path / "city"
    shutil.copytree(FIXTURES / "good", directory)
    return directory


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The data files read from disk (not served by the cache), in order."""
    read: list[Path] = []
    real_parse = cache.parse_file

    def counting_parse(path, origin="option"):
        read.append(Path(path))
        return real_parse(path, origin)

    monkeypatch.setattr(cache, "parse_file", counting_parse)
    return read


def load(*extra: Path):
    return load_library(dirs=data_dirs(list(extra), user=False, env={}))


def award_text(library) -> str:
    return library.clause("example-city/a1").text


def replace_in(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_warm_load_reads_no_file_and_equals_a_fresh_one(city, reads, monkeypatch):
    first = load(city, FIXTURES / "bad")
    assert reads and first.problems
    reads.clear()
    warm = load(city, FIXTURES / "bad")
    # only the file whose policy id clashes with a bundled one: that depends on the other file
    assert reads == [FIXTURES / "bad" / "duplicate-id.toml"]
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    fresh = load(city, FIXTURES / "bad")
    assert list(warm.policies) == list(fresh.policies)
    assert warm.policies == fresh.policies
    assert warm.clause("example-city/a1") == fresh.clause("example-city/a1")  # lookups rebuilt
    assert warm.problems == fresh.problems  # warnings and errors still show
    assert warm.rules == fresh.rules and warm.topics == fresh.topics and warm.synonyms == fresh.synonyms
    assert warm.files == fresh.files


def test_an_edit_of_another_size_shows(city, reads):
    assert OLD_AWARD in award_text(load(city))
    for name in ("example-city.toml", "example-city.txt"):
        replace_in(city / name, "新落户的软件企业总部", "新落户的软件和信息服务企业总部")
    reads.clear()
    library = load(city)
    assert "软件和信息服务企业总部" in award_text(library)
    assert not [p for p in library.problems if "example-city" in p.file]
    # the bundled policies still come from the cache; the rules, which cite policies, are read again
    assert city / "example-city.toml" in reads
    assert not [path for path in reads if path.parent.name == "policies"]


def edit_keeping(path: Path, old: str, new: str, *, size: bool = False, mtime: bool = False) -> None:
    """Replace `old` by `new` in `path`; with `mtime` the file keeps its old mtime, with `size`
    the edit must keep its size (and the mtime is moved on a second, whatever the clock)."""
    before = path.stat()
    replace_in(path, old, new)
    after = path.stat()
    assert (after.st_size == before.st_size) == size
    stamp = before.st_mtime_ns if mtime else before.st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(after.st_atime_ns, stamp))


def test_an_edit_of_the_same_size_shows(city):
    load(city)
    for name in ("example-city.toml", "example-city.txt"):
        edit_keeping(city / name, "新落户", "新迁入", size=True)
    assert "对新迁入" in award_text(load(city))


def test_an_edit_that_keeps_the_old_mtime_shows(city):
    load(city)
    for name in ("example-city.toml", "example-city.txt"):
        edit_keeping(city / name, "新落户", "新近落户", mtime=True)
    assert "对新近落户" in award_text(load(city))


def test_an_edit_of_the_source_alone_is_checked_again(city):
    assert not [p for p in load(city).problems if "example-city" in p.file]
    replace_in(city / "example-city.txt", "最高100万元", "最高200万元")
    problems = [p for p in load(city).problems if "example-city" in p.file]
    assert any("not verbatim" in worded(p, "en").message and p.where == "clauses[1].text" for p in problems)


def test_a_new_topic_file_reads_the_policies_again(city, tmp_path, reads):
    load(city)
    topics = tmp_path / "topics"
    topics.mkdir()
    (topics / "more.toml").write_text(
        '[[topics]]\nid = "extra"\nname = "额外"\nname_en = "Extra"\n', encoding="utf-8"
    )
    reads.clear()
    load(city, topics)
    assert city / "example-city.toml" in reads


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"not a cache entry at all",
    ],
)
def test_a_damaged_entry_is_ignored_and_replaced(city, reads, damage):
    load(city)
    entries = sorted(cache_dir().glob("*.entry"))
    intact = {entry: entry.read_bytes() for entry in entries}
    for entry in entries:
        entry.write_bytes(damage(intact[entry]))
    reads.clear()
    assert OLD_AWARD in award_text(load(city))
    assert city / "example-city.toml" in reads
    for entry in entries:
        assert entry.read_bytes()[: len(MAGIC)] == MAGIC
    reads.clear()
    load(city)
    assert reads == []  # rewritten whole: the next load is served by the cache


class _Payload:
    def __reduce__(self):
        return os.system, ("touch pwned",)


def test_an_entry_that_would_run_code_is_refused(city, tmp_path, monkeypatch, reads):
    """Even with a valid checksum: the unpickler builds nothing but policytui's records."""
    monkeypatch.chdir(tmp_path)
    load(city)
    payload = pickle.dumps(_Payload())
    for entry in cache_dir().glob("*.entry"):
        entry.write_bytes(MAGIC + cache._checksum(payload) + payload)
    reads.clear()
    assert OLD_AWARD in award_text(load(city))
    assert not (tmp_path / "pwned").exists()
    assert city / "example-city.toml" in reads


def test_a_cache_that_cannot_be_written_is_no_error(city, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert OLD_AWARD in award_text(load(city))
    assert not list(cache_dir().glob("*.entry"))


def test_a_cache_directory_others_can_write_to_is_not_used(city):
    cache_dir().mkdir(parents=True)
    cache_dir().chmod(0o777)
    assert LibraryCache.open() is None
    assert OLD_AWARD in award_text(load(city))
    assert not list(cache_dir().glob("*.entry"))


def test_switched_off_it_writes_nothing(city, monkeypatch):
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    load(city)
    assert not cache_dir().exists() or not list(cache_dir().glob("*.entry"))


def test_a_policy_id_clash_is_reported_on_every_load(city, tmp_path):
    twin = tmp_path / "twin"
    shutil.copytree(city, twin)
    for _ in range(2):
        library = load(city, twin)
        assert any("duplicate policy id 'example-city'" in worded(p, "en").message for p in library.problems)


def test_warm_only_loads_nothing_while_a_file_is_unread(city):
    dirs = data_dirs([city], user=False, env={})
    assert load_if_warm(dirs) is None
    load(city)
    warm = load_if_warm(dirs)
    assert warm is not None and OLD_AWARD in award_text(warm)
    replace_in(city / "example-city.toml", "最高100万元", "最高1000万元")
    assert load_if_warm(dirs) is None


def test_a_users_synonym_that_finds_nothing_is_reported_on_a_warm_load_too(city, reads):
    """The check depends on every file: its result is kept under all their stats, so a warm
    load reports it without reading the synonyms again, and an edit of a text checks again."""
    (city / "synonyms.toml").write_text(
        '[[synonyms]]\nterm = "火星"\nmeans = ["火星基地"]\n', encoding="utf-8"
    )
    for _ in range(2):
        reads.clear()
        library = load(city)
        assert any("none of 火星基地 is in the text" in worded(p, "en").message for p in library.problems)
    assert reads == []
    for name in ("example-city.toml", "example-city.txt"):
        replace_in(city / name, "新落户的软件企业总部", "新落户的火星基地软件企业总部")
    library = load(city)
    assert not any("火星基地" in worded(p, "en").message for p in library.problems)
    assert city / "synonyms.toml" in reads


def test_the_entry_of_a_file_that_is_gone_is_deleted(city, tmp_path, reads):
    other = tmp_path / "other"
    shutil.copytree(city, other)
    replace_in(other / "example-city.toml", 'id = "example-city"', 'id = "other-city"')
    load(city, other)
    entries = set(cache_dir().glob("*.entry"))
    load(city)  # the other directory's entries are kept: its files are there
    assert set(cache_dir().glob("*.entry")) == entries
    (other / "example-city.toml").unlink()
    load(city)
    left = set(cache_dir().glob("*.entry"))
    assert left < entries and len(left) == len(entries) - 1
    reads.clear()
    assert OLD_AWARD in award_text(load(city))
    assert reads == []  # the entries left still serve


def test_a_warm_load_reads_the_rules_only_when_they_are_asked_for(monkeypatch):
    """The browser's first screen shows no rule: served by the cache, the library imports
    neither the calculator's records nor its rule kinds until its rules are asked for."""
    monkeypatch.delenv(cache.DISABLE_VAR, raising=False)
    dirs = "data_dirs([], user=False, env={})"
    modules_after(f"from policytui.core.loader import load_library, data_dirs\nload_library(dirs={dirs})")
    warm = modules_after(
        "import sys\n"
        "from policytui.core.cache import load_if_warm\n"
        "from policytui.core.locations import data_dirs\n"
        f"library = load_if_warm({dirs})\n"
        "assert library is not None and library.rule_ids\n"
        "assert not [m for m in sys.modules if m.startswith('policytui.core.calc')]\n"
        "assert sorted(library.rules) == sorted(library.rule_ids)\n"  # read now
    )
    assert "policytui.core.calc.rules" in warm


@pytest.mark.parametrize("cached", [True, False])
def test_the_texts_alone_are_read_first_and_the_full_load_after_them_reads_the_rest(
    cached, reads, monkeypatch
):
    """load_library(passes=TEXT_PASSES), as the browser starts: the policies, topics and
    synonyms, no rules; the full load after it parses only the rules files when the cache is on."""
    if not cached:
        monkeypatch.setenv(cache.DISABLE_VAR, "1")
    estimates = FIXTURES / "estimates"
    texts = load_library(dirs=data_dirs([estimates], user=False, env={}), passes=TEXT_PASSES)
    assert {"jia-2024", "yi-2024"} <= set(texts.policies) and texts.rule_ids == ()
    reads.clear()
    whole = load_library(dirs=data_dirs([estimates], user=False, env={}))
    assert set(whole.policies) == set(texts.policies) and "jia-2024:hq" in whole.rule_ids
    if cached:
        assert {path.parent.name for path in reads} == {"rules"}


def test_a_load_ahead_is_the_warm_library_at_once_or_the_texts_from_a_thread(city):
    dirs = data_dirs([city], user=False, env={})
    cold = LoadAhead(dirs)
    assert cold.warm is None and cold.texts_only
    texts = cold.result()
    assert "example-city" in texts.policies and texts.rule_ids == () and cold.done()
    load_library(dirs=dirs)  # the whole library, as the browser loads it after the first paint
    warm = LoadAhead(dirs)
    assert warm.done() and warm.warm is not None and warm.result() is warm.warm
    assert set(warm.warm.policies) == set(texts.policies) and warm.warm.rule_ids  # the rules, unread before


def test_without_the_cache_the_load_ahead_reads_the_whole_library(monkeypatch):
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    ahead = LoadAhead(data_dirs([FIXTURES / "estimates"], user=False, env={}))
    assert not ahead.texts_only and "jia-2024:hq" in ahead.result().rule_ids
