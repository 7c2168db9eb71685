"""Exports: JSON in the documented shape, CSV a spreadsheet reads back, Markdown a viewer renders, safe files."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest

from policytui.core.compare import build_matrix, compare
from policytui.core.compare.files import write_export
from policytui.i18n import t
from policytui.render.compare.export import (
    comparison_csv,
    comparison_json,
    comparison_markdown,
    matrix_csv,
    matrix_markdown,
    render_comparison,
    render_matrix,
)
from tests.conftest import AS_OF


@pytest.fixture(scope="module")
def open_source(library):
    return compare(library, "open-source", AS_OF)


def test_json_has_the_documented_shape(open_source):
    data = json.loads(render_comparison(open_source, "json"))
    assert data["topic"] == {"id": "open-source", "name": "开源"}
    assert [col["policy"] for col in data["columns"]] == ["nanjing-2021", "wuxi-draft"]
    wuxi = data["columns"][1]
    assert wuxi["status"]["draft"] is True and wuxi["status"]["validity"] == "expired"
    (m2,) = wuxi["clauses"]
    assert set(m2) == {"id", "label", "title", "text", "amounts"}
    assert (m2["id"], m2["label"], m2["title"]) == ("wuxi-draft/m2", "（二）", "支持开源技术创新应用")
    cap = m2["amounts"][1]
    assert (cap["role"], cap["value"], cap["yuan"], cap["upper_bound"]) == ("cap", "100", 1000000, True)
    nanjing_award = data["columns"][0]["clauses"][2]["amounts"][0]
    assert nanjing_award["value"] is None and nanjing_award["yuan"] is None


def test_json_of_a_policy_without_clauses(library):
    data = comparison_json(compare(library, "data", AS_OF))
    assert data["columns"][1]["clauses"] == [] and data["columns"][1]["awards"] == ["无对应条款"]


def test_csv_reads_back_with_every_clause_and_the_gap(library):
    comparison = compare(library, "data", AS_OF)
    records = list(csv.DictReader(io.StringIO(comparison_csv(comparison))))
    assert [r["编号"] for r in records] == [
        "nanjing-2021/p2.5", "nanjing-2021/p2.5.4", "nanjing-2021/p3.2", "nanjing-2021/att.7", ""]
    assert records[-1]["政策"] == "wuxi-draft" and records[-1]["原文"] == "无对应条款"
    assert records[0]["原文"].startswith("（五）汇聚关键要素资源\n")  # line breaks survive quoting
    assert records[-1]["状态"] == "征求意见稿，拟定有效期已过（拟至2025-12-31）"


def test_csv_rows_carry_the_alignment_and_clause_awards(open_source):
    records = list(csv.DictReader(io.StringIO(comparison_csv(open_source))))
    m2 = next(r for r in records if r["编号"] == "wuxi-draft/m2")
    partner = next(r for r in records if r["编号"] == "nanjing-2021/p2.1.1.3")
    assert m2["对照行"] == partner["对照行"] == "2"
    assert m2["奖补概览"].split("\n") == [
        "（二）开源项目补助：不超过直接相关投资额10%、最高100万元（上限）",
        "（二）一次性补助：最高实际投资额10%、不超过500万元（上限，一次性）"]


def test_csv_headers_follow_the_language(open_source):
    header = next(csv.reader(io.StringIO(comparison_csv(open_source, "en"))))
    assert header[:3] == ["Topic", "Row", "Policy"]


def test_matrix_csv_has_a_number_column_in_wan(library):
    records = list(csv.DictReader(io.StringIO(matrix_csv(build_matrix(library, AS_OF)))))
    assert len(records) == 2 * len(library.topics)
    hq = next(r for r in records if r["topic_id"] == "headquarters" and r["policy_id"] == "wuxi-draft")
    assert (hq["条款"], hq["最大金额"], hq["最大金额（万元）"]) == ("3", "最高6000万元", "6000")
    talent = next(r for r in records if r["topic_id"] == "talent" and r["policy_id"] == "nanjing-2021")
    assert (talent["最大金额"], talent["最大金额（万元）"]) == ("金额未明确", "")


def _table_rows(markdown: str) -> list[list[str]]:
    """Split a Markdown table as a viewer does: on pipes that are not escaped."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| "):
            cells = [c.strip() for c in line.strip().strip("|").replace("\\|", "\x00").split("|")]
            rows.append([c.replace("\x00", "|") for c in cells])
    return rows


def test_markdown_table_is_well_formed_and_highlights_shared_wording(open_source):
    md = comparison_markdown(open_source)
    rows = _table_rows(md)
    assert all(len(row) == 3 for row in rows)  # a label column and one per policy, on every line
    assert len(rows) == 1 + 1 + len(open_source.rows)  # header, awards, clause rows
    assert "已失效（有效期至2025-12）" in rows[0][1] and "征求意见稿" in rows[0][2]
    assert "**开源社区**" in rows[3][2] and "`wuxi-draft/m2`" in rows[3][2]
    assert "\n" not in "".join(rows[2])  # paragraphs become <br>, not broken rows


@pytest.mark.parametrize("topic", ["open-source", "headquarters", "specialised-smes", "xinchuang", "parks",
                                   "talent", "data"])
def test_markdown_renders_as_a_table_in_a_viewer(library, topic):
    from markdown_it import MarkdownIt  # what rich renders Markdown with

    comparison = compare(library, topic, AS_OF)
    html = MarkdownIt("commonmark").enable("table").render(comparison_markdown(comparison))
    assert html.count("<table>") == 1 and html.count("<th>") == 3
    assert html.count("<tr>") == 1 + 1 + max(1, len(comparison.rows))
    assert "**" not in html  # every bold span opened and closed
    bold = re.findall(r"<strong>(.*?)</strong>", html)
    for phrase in comparison.shared.phrases:  # each in bold (alone, or merged with a touching one)
        assert any(phrase in b for b in bold), phrase


def test_markdown_escapes_pipes_and_markup(library, open_source):
    from dataclasses import replace

    hostile = replace(open_source.columns[1].clauses[0], text="甲|乙*丙*_丁_<b>")
    rows = list(open_source.rows)
    rows[1] = (rows[1][0], hostile)
    md = comparison_markdown(replace(open_source, rows=tuple(rows)))
    assert "甲\\|乙\\*丙\\*\\_丁\\_\\<b\\>" in md
    assert all(len(row) == 3 for row in _table_rows(md))


def test_markdown_says_when_a_policy_has_nothing(library):
    rows = _table_rows(comparison_markdown(compare(library, "data", AS_OF)))
    assert rows[1][2] == "无对应条款" and rows[2][2] == "无对应条款"


def test_matrix_markdown_lists_every_topic(library):
    rows = _table_rows(matrix_markdown(build_matrix(library, AS_OF)))
    assert len(rows) == 1 + len(library.topics)
    assert rows[5] == ["总部与招商（headquarters）", "2条 金额未明确", "3条 最高6000万元"]


def test_matrix_json(library):
    data = json.loads(render_matrix(build_matrix(library, AS_OF), "json"))
    assert [p["id"] for p in data["policies"]] == ["nanjing-2021", "wuxi-draft"]
    assert len(data["topics"]) == len(library.topics)
    hq = next(t for t in data["topics"] if t["id"] == "headquarters")
    assert hq["cells"][1]["largest_award"]["yuan"] == 60000000
    assert hq["cells"][0] == {"policy": "nanjing-2021", "clauses": 2, "largest_award": None,
                              "unspecified_awards": 3, "text": "2条 金额未明确"}


# -- files


def test_write_refuses_to_overwrite_unless_told(tmp_path):
    target = tmp_path / "notes.md"
    write_export(target, "first")
    with pytest.raises(FileExistsError):
        write_export(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    write_export(target, "second", overwrite=True)
    assert target.read_text(encoding="utf-8") == "second"
    assert os.listdir(tmp_path) == ["notes.md"]  # no temporary file left behind


def test_csv_file_has_a_bom_for_excel_and_reads_back(tmp_path, open_source):
    target = write_export(tmp_path / "c.csv", comparison_csv(open_source), bom=True)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(target, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == 5 and records[0]["主题"] == "开源"


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_export(tmp_path / "x.json", "{}")
    assert os.listdir(tmp_path) == []


def test_write_to_a_directory_is_refused(tmp_path):
    with pytest.raises(FileExistsError):
        write_export(tmp_path, "x")
    with pytest.raises(IsADirectoryError):
        write_export(tmp_path, "x", overwrite=True)


def test_csv_status_cell_is_worded_in_the_language(open_source):
    """The status cell goes through render.status: no Chinese comma between English badges."""
    for lang, expected in (("zh", "征求意见稿，拟定有效期已过（拟至2025-12-31）"),
                           ("en", "Draft for comments, Proposed validity has passed (proposed until 2025-12-31)")):
        records = list(csv.reader(io.StringIO(comparison_csv(open_source, lang))))
        wuxi = next(r for r in records if r[2] == "wuxi-draft")
        assert wuxi[4] == expected


def test_english_exports_name_cities_in_english(library, open_source):
    matrix = build_matrix(library, AS_OF)
    for lang, city in (("en", lambda p: p.city_en), ("zh", lambda p: p.city)):
        expected = {city(p) for p in matrix.policies}
        for text in (render_comparison(open_source, "csv", lang), render_matrix(matrix, "csv", lang)):
            header, *records = csv.reader(io.StringIO(text))
            assert {record[header.index(t("field.city", lang))] for record in records} == expected
        for text in (render_comparison(open_source, "md", lang), render_matrix(matrix, "md", lang)):
            table_header = next(line for line in text.split("\n") if line.startswith("| "))
            for policy in matrix.policies:
                assert city(policy) + ("《" if lang == "zh" else ": ") in table_header
                assert f"{policy.city}《" not in table_header or lang == "zh"
    english = render_comparison(open_source, "md", "en")
    assert english.startswith("# 开源 (open-source)") and "：" not in render_matrix(matrix, "md", "en").split("\n| ")[0]
