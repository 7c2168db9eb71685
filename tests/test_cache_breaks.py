"""The break opportunities remembered between runs (render.remembered_breaks): the same
answers as working them out, and a stale or damaged file is only a miss."""

from __future__ import annotations

import json

import pytest

from policytui.core import cache
from policytui.render import remembered_breaks, wrap

TEXT = "对新落户的软件企业总部，给予最高100万元一次性奖励（2025年12月31日前）"


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch):
    """A run's state: nothing remembered or asked yet, the cache switched on."""
    monkeypatch.delenv(cache.DISABLE_VAR)
    next_run(monkeypatch)
    yield
    wrap.break_opportunities.cache_clear()


def next_run(monkeypatch) -> None:
    monkeypatch.setattr(remembered_breaks, "_remembered", {})
    monkeypatch.setattr(remembered_breaks, "_asked", {})
    wrap.break_opportunities.cache_clear()


def test_the_next_run_gets_the_same_breaks_without_working_them_out(monkeypatch):
    worked_out = wrap.break_opportunities(TEXT)
    remembered_breaks.save()
    next_run(monkeypatch)

    def never(text):
        raise AssertionError(f"worked out again: {text}")

    monkeypatch.setattr(wrap, "_break_opportunities", never)
    remembered_breaks.load()
    assert wrap.break_opportunities(TEXT) == worked_out
    assert wrap.break_offsets(TEXT, 20)  # and wrapping uses them


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"{not json"),
        lambda path: path.write_text(json.dumps({"key": ["older code"], "breaks": {TEXT: [1]}})),
        lambda path: path.write_text(
            json.dumps({"key": remembered_breaks._key(), "breaks": {TEXT: [0, 999]}})
        ),
        lambda path: path.write_text(json.dumps({"key": remembered_breaks._key(), "breaks": {TEXT: "1"}})),
    ],
)
def test_a_stale_or_damaged_file_is_a_miss(monkeypatch, damage):
    worked_out = wrap.break_opportunities(TEXT)
    remembered_breaks.save()
    damage(remembered_breaks._path())
    next_run(monkeypatch)
    remembered_breaks.load()
    assert wrap.break_opportunities(TEXT) == worked_out
    remembered_breaks.save()  # and it is replaced
    assert json.loads(remembered_breaks._path().read_text())["breaks"][TEXT] == list(worked_out)


def test_a_look_up_remembers_the_breaks_of_what_it_printed(cli, monkeypatch):
    code, out, _ = cli("show", "m4")
    assert code == 0
    shown = json.loads(remembered_breaks._path().read_text())["breaks"]
    assert any(text in out.replace("\n", "") for text in shown)


def test_what_an_earlier_run_asked_for_is_kept_too(monkeypatch):
    other = "第十二条 对年营业收入首次突破10亿元的企业，给予一次性奖励"
    wrap.break_opportunities(TEXT)
    remembered_breaks.save()
    next_run(monkeypatch)
    remembered_breaks.load()
    wrap.break_opportunities(other)  # this run shows another text only
    remembered_breaks.save()
    next_run(monkeypatch)
    remembered_breaks.load()
    assert remembered_breaks.recall(TEXT) is not None and remembered_breaks.recall(other) is not None


def test_switched_off_nothing_is_kept(monkeypatch):
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    wrap.break_opportunities(TEXT)
    remembered_breaks.save()
    monkeypatch.delenv(cache.DISABLE_VAR)
    assert not remembered_breaks._path().exists()
