"""`policytui compare`: text for people, md/csv/json for notes and scripts, clear errors, safe files."""

from __future__ import annotations

import csv
import io
import json
import re

from tests.conftest import FIXTURE_LIBRARY

# The made-up policies, loaded beside the bundled ones and picked alone.
ON_FIXTURES = (
    *(arg for path in FIXTURE_LIBRARY for arg in ("--data", str(path))),
    "--policies",
    "hewan-2025,qingshi-2024,jia-2024,yi-2024",
)


def test_text_shows_every_column_with_status_awards_and_clauses(cli):
    code, out, _ = cli("compare", "总部", *ON_FIXTURES)
    assert code == 0
    assert "总部与招商（headquarters）" in out and "截至 2026-11-22" in out
    assert out.count("[有效（至2027-12-31）]") == 4
    assert "最大金额：最高1000万元（上限，每年）" in out and "第六条落地补助：100万元（一次性）" in out
    assert all(clause in out for clause in ("hewan-2025/m6", "qingshi-2024/a1", "jia-2024/a6", "yi-2024/b1"))
    assert "共同表述：给予奖励，最高不超过、软件企业总部，给予" in out


def test_text_marks_a_missing_column(cli):
    _, out, _ = cli("compare", "talent", *ON_FIXTURES)
    assert out.count("无对应条款") == 4 and "hewan-2025/m7" in out  # 甲市 and 乙市: awards and clauses


def test_text_of_an_award_without_a_figure(cli):
    _, out, _ = cli("compare", "events", *ON_FIXTURES)
    assert "（八）展会补助：金额未明确" in out


def test_policy_text_is_never_read_as_markup(cli, tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    shutil.copy(FIXTURES / "hostile" / "hostile.toml", tmp_path)
    code, out, _ = cli(
        "compare", "talent", *ON_FIXTURES, "--data", str(tmp_path), "--policies", "hostile,hewan-2025"
    )
    assert code == 0
    assert "[reverse]条款正文[/reverse]" in out and "[link=https://example.com]某市[/link]" in out
    assert "\x1b" not in out


def test_json_for_scripts(cli):
    code, out, _ = cli("compare", "headquarters", "--format", "json", *ON_FIXTURES, "--policies", "jia-2024")
    data = json.loads(out)
    assert code == 0 and data["topic"]["id"] == "headquarters"
    assert [c["policy"] for c in data["columns"]] == ["jia-2024"]
    assert [c["id"] for c in data["columns"][0]["clauses"]] == ["jia-2024/a1", "jia-2024/a4", "jia-2024/a6"]


def test_csv_and_markdown_to_stdout(cli):
    _, out, _ = cli("compare", "talent", "--format", "csv", *ON_FIXTURES)
    assert not out.startswith("\ufeff")  # a byte-order mark only in files, for Excel
    assert [r["编号"] for r in csv.DictReader(io.StringIO(out))] == [
        "hewan-2025/m7",
        "qingshi-2024/a3",
        "",
        "",
    ]
    _, out, _ = cli("compare", "talent", "--format", "md", *ON_FIXTURES)
    assert out.startswith("# 人才（talent）")


def test_matrix_text_and_json(cli):
    code, out, _ = cli("compare", "--matrix", *ON_FIXTURES)
    assert code == 0 and "主题 × 政策" in out and "3条 最高1000万元（每年）" in out and "数据要素" in out
    _, out, _ = cli("compare", "--matrix", "--format", "json", *ON_FIXTURES)
    data = json.loads(out)
    assert len(data["topics"]) == 23 and [p["id"] for p in data["policies"]] == ON_FIXTURES[-1].split(",")


def test_unknown_topic_lists_the_closest_and_exits_2(cli):
    code, out, err = cli("compare", "人材")
    assert code == 2 and out == ""
    assert "没有主题“人材”" in err and "人才（talent）" in err and "Traceback" not in err


def test_unknown_topic_in_english(cli):
    code, _, err = cli("--lang", "en", "compare", "zzzz")
    assert code == 2 and "no topic 'zzzz'" in err and "--matrix" in err


def test_unknown_policy_exits_2(cli):
    code, _, err = cli("compare", "talent", *ON_FIXTURES, "--policies", "hewan,jia-2024")
    assert code == 2 and "没有政策“hewan”" in err and "hewan-2025" in err


def test_no_topic_and_no_matrix_exits_2(cli):
    code, _, err = cli("compare")
    assert code == 2 and "--matrix" in err


def test_output_file_takes_its_format_from_the_suffix_and_never_overwrites(cli, tmp_path):
    target = tmp_path / "open-source.csv"
    code, out, err = cli("compare", "开源", *ON_FIXTURES, "--output", str(target))
    assert code == 0 and out == "" and str(target) in err
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    before = target.read_bytes()
    code, _, err = cli("compare", "talent", *ON_FIXTURES, "--output", str(target))
    assert code == 1 and "已存在" in err and target.read_bytes() == before
    code, _, _ = cli("compare", "talent", *ON_FIXTURES, "--output", str(target), "--force")
    assert code == 0 and "hewan-2025/m7" in target.read_text(encoding="utf-8-sig")


def test_output_with_an_unknown_suffix_asks_for_a_format(cli, tmp_path):
    code, _, err = cli("compare", "开源", "--output", str(tmp_path / "notes.txt"))
    assert code == 2 and "--format" in err
    code, _, _ = cli("compare", "开源", "--output", str(tmp_path / "notes.txt"), "--format", "md")
    assert code == 0 and (tmp_path / "notes.txt").read_text(encoding="utf-8").startswith("# 开源")


def test_output_into_a_missing_directory_fails_cleanly(cli, tmp_path):
    code, _, err = cli("compare", "开源", "--output", str(tmp_path / "no" / "such" / "x.json"))
    assert code == 1 and "Traceback" not in err


def test_a_clause_with_no_label_or_title_is_printed_once(cli):
    """Its heading would be its first line cut with …: the text alone says it."""
    code, out, _ = cli("compare", "overview", "--policies", "nanjing-2021")
    first = "为全面贯彻南京市第十五次党代会精神"
    assert code == 0 and re.sub(r"[\s│]", "", out).count(first) == 1
    code, markdown, _ = cli("compare", "overview", "--policies", "nanjing-2021", "--format", "md")
    assert markdown.count(first) == 1
