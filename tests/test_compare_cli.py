"""`policytui compare`: text for people, md/csv/json for notes and scripts, clear errors, safe files."""

from __future__ import annotations

import csv
import io
import json


def test_text_shows_both_columns_with_status_awards_and_clauses(cli):
    code, out, _ = cli("compare", "开源")
    assert code == 0
    assert "开源（open-source）" in out and "截至 2026-11-22" in out
    assert "[征求意见稿]" in out and "[已失效（有效期至2025-12）]" in out
    assert "最大金额：不超过500万元（上限，一次性）" in out and "六、一次性奖励：金额未明确" in out
    assert "wuxi-draft/m2" in out and "nanjing-2021/att.8" in out
    assert "共同表述：开源社区、开源项目、操作系统、知识产权" in out


def test_text_marks_a_missing_column(cli):
    _, out, _ = cli("compare", "data")
    assert "无对应条款" in out and "nanjing-2021/att.7" in out


def test_policy_text_is_never_read_as_markup(cli, tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    shutil.copy(FIXTURES / "hostile" / "hostile.toml", tmp_path)
    code, out, _ = cli("compare", "talent", "--data", str(tmp_path), "--policies", "hostile,wuxi-draft")
    assert code == 0
    assert "[reverse]条款正文[/reverse]" in out and "[link=https://example.com]某市[/link]" in out
    assert "\x1b" not in out


def test_json_for_scripts(cli):
    code, out, _ = cli("compare", "headquarters", "--format", "json", "--policies", "wuxi-draft")
    data = json.loads(out)
    assert code == 0 and data["topic"]["id"] == "headquarters"
    assert [c["policy"] for c in data["columns"]] == ["wuxi-draft"]
    assert [c["id"] for c in data["columns"][0]["clauses"]] == ["wuxi-draft/m2", "wuxi-draft/m4", "wuxi-draft/m9"]


def test_csv_and_markdown_to_stdout(cli):
    _, out, _ = cli("compare", "talent", "--format", "csv")
    assert not out.startswith("\ufeff")  # a byte-order mark only in files, for Excel
    assert [r["编号"] for r in csv.DictReader(io.StringIO(out))] == [
        "nanjing-2021/p2.5", "nanjing-2021/p2.5.3", "nanjing-2021/p3.3", "nanjing-2021/att.5", "wuxi-draft/m12"]
    _, out, _ = cli("compare", "talent", "--format", "md")
    assert out.startswith("# 人才（talent）")


def test_matrix_text_and_json(cli):
    code, out, _ = cli("compare", "--matrix")
    assert code == 0 and "主题 × 政策" in out and "3条 最高6000万元" in out and "数据要素" in out
    _, out, _ = cli("compare", "--matrix", "--format", "json")
    assert len(json.loads(out)["topics"]) == 23


def test_unknown_topic_lists_the_closest_and_exits_2(cli):
    code, out, err = cli("compare", "人材")
    assert code == 2 and out == ""
    assert "没有主题“人材”" in err and "人才（talent）" in err and "Traceback" not in err


def test_unknown_topic_in_english(cli):
    code, _, err = cli("--lang", "en", "compare", "zzzz")
    assert code == 2 and "no topic 'zzzz'" in err and "--matrix" in err


def test_unknown_policy_exits_2(cli):
    code, _, err = cli("compare", "talent", "--policies", "wuxi,nanjing-2021")
    assert code == 2 and "没有政策“wuxi”" in err and "wuxi-draft" in err


def test_no_topic_and_no_matrix_exits_2(cli):
    code, _, err = cli("compare")
    assert code == 2 and "--matrix" in err


def test_output_file_takes_its_format_from_the_suffix_and_never_overwrites(cli, tmp_path):
    target = tmp_path / "open-source.csv"
    code, out, err = cli("compare", "开源", "--output", str(target))
    assert code == 0 and out == "" and str(target) in err
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    before = target.read_bytes()
    code, _, err = cli("compare", "talent", "--output", str(target))
    assert code == 1 and "已存在" in err and target.read_bytes() == before
    code, _, _ = cli("compare", "talent", "--output", str(target), "--force")
    assert code == 0 and "wuxi-draft/m12" in target.read_text(encoding="utf-8-sig")


def test_output_with_an_unknown_suffix_asks_for_a_format(cli, tmp_path):
    code, _, err = cli("compare", "开源", "--output", str(tmp_path / "notes.txt"))
    assert code == 2 and "--format" in err
    code, _, _ = cli("compare", "开源", "--output", str(tmp_path / "notes.txt"), "--format", "md")
    assert code == 0 and (tmp_path / "notes.txt").read_text(encoding="utf-8").startswith("# 开源")


def test_output_into_a_missing_directory_fails_cleanly(cli, tmp_path):
    code, _, err = cli("compare", "开源", "--output", str(tmp_path / "no" / "such" / "x.json"))
    assert code == 1 and "Traceback" not in err
