"""Exports: JSON in the documented shape, CSV a spreadsheet reads back, Markdown a viewer renders,
safe files. On the fixture library: 河湾, 青石, 甲市 and 乙市, in that order."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date

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

POLICIES = ["hewan-2025", "qingshi-2024", "jia-2024", "yi-2024"]


@pytest.fixture(scope="module")
def headquarters(fixture_library):
    """Every policy has a clause on it; 甲市 has three, aligned on rows 1 to 3."""
    return compare(fixture_library, "headquarters", AS_OF)


@pytest.fixture(scope="module")
def talent(fixture_library):
    """甲市 and 乙市 have no clause on it."""
    return compare(fixture_library, "talent", AS_OF)


def test_json_has_the_documented_shape(headquarters):
    data = json.loads(render_comparison(headquarters, "json"))
    assert data["topic"] == {"id": "headquarters", "name": "总部与招商"}
    assert [col["policy"] for col in data["columns"]] == POLICIES
    hewan = data["columns"][0]
    assert hewan["status"]["draft"] is False and hewan["status"]["validity"] == "in-force"
    (m6,) = hewan["clauses"]
    assert set(m6) == {"id", "label", "title", "text", "amounts"}
    assert (m6["id"], m6["label"], m6["title"]) == ("hewan-2025/m6", "（六）", "招商引资奖励")
    cap = m6["amounts"][2]  # 最高不超过300万元
    assert (cap["role"], cap["value"], cap["yuan"], cap["upper_bound"]) == ("cap", "300", 3000000, True)
    assert [len(col["clauses"]) for col in data["columns"]] == [1, 1, 3, 1]


def test_json_of_an_award_without_a_figure(fixture_library):
    data = json.loads(render_comparison(compare(fixture_library, "events", AS_OF), "json"))
    (award,) = data["columns"][0]["clauses"][0]["amounts"]  # 河湾 m8: 给予适当补助
    assert award["value"] is None and award["yuan"] is None and award["quote"] == "给予适当补助"


def test_json_of_a_policy_without_clauses(talent):
    data = comparison_json(talent)
    assert data["columns"][2]["clauses"] == [] and data["columns"][2]["awards"] == ["无对应条款"]


def test_csv_reads_back_with_every_clause_and_the_gap(talent):
    records = list(csv.DictReader(io.StringIO(comparison_csv(talent))))
    assert [r["编号"] for r in records] == ["hewan-2025/m7", "qingshi-2024/a3", "", ""]
    assert [r["政策"] for r in records[2:]] == ["jia-2024", "yi-2024"]
    assert records[-1]["原文"] == "无对应条款"
    assert records[0]["原文"].startswith("（七）人才安家补贴。对经认定的软件领军人才")
    assert records[-1]["状态"] == "有效（至2027-12-31）"


def test_csv_rows_carry_the_alignment_and_clause_awards(fixture_library):
    records = list(
        csv.DictReader(io.StringIO(comparison_csv(compare(fixture_library, "leading-firms", AS_OF))))
    )
    row = {r["编号"]: r for r in records}
    assert (
        row["hewan-2025/m1"]["对照行"]
        == row["qingshi-2024/a6"]["对照行"]
        == row["jia-2024/a7"]["对照行"]
        == "1"
    )
    assert (row["hewan-2025/m2"]["对照行"], row["hewan-2025/m3"]["对照行"]) == ("2", "3")
    # one line per award: the line breaks survive the quoting
    assert row["hewan-2025/m1"]["奖补概览"].split("\n") == [
        "（一）营收跨档奖励：20万元（一次性）",
        "（一）营收跨档奖励：50万元（一次性）",
        "（一）营收跨档奖励：100万元（一次性）",
    ]
    assert row["jia-2024/a7"]["奖补概览"].split("\n") == [
        "第七条境内上市奖励：最高200万元（上限）",
        "第七条境外上市奖励：最高150万元（上限）",
    ]


def test_csv_headers_follow_the_language(headquarters):
    header = next(csv.reader(io.StringIO(comparison_csv(headquarters, "en"))))
    assert header[:3] == ["Topic", "Row", "Policy"]


def test_matrix_csv_has_a_number_column_in_wan(fixture_library):
    records = list(csv.DictReader(io.StringIO(matrix_csv(build_matrix(fixture_library, AS_OF)))))
    assert len(records) == len(POLICIES) * len(fixture_library.topics)
    hq = next(r for r in records if r["topic_id"] == "headquarters" and r["policy_id"] == "jia-2024")
    assert (hq["条款"], hq["最大金额"], hq["最大金额（万元）"]) == ("3", "最高1000万元（每年）", "1000")
    events = next(r for r in records if r["topic_id"] == "events" and r["policy_id"] == "hewan-2025")
    assert (events["最大金额"], events["最大金额（万元）"]) == ("金额未明确", "")


def _table_rows(markdown: str) -> list[list[str]]:
    """Split a Markdown table as a viewer does: on pipes that are not escaped."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| "):
            cells = [c.strip() for c in line.strip().strip("|").replace("\\|", "\x00").split("|")]
            rows.append([c.replace("\x00", "|") for c in cells])
    return rows


def test_markdown_table_is_well_formed_and_highlights_shared_wording(headquarters):
    md = comparison_markdown(headquarters)
    rows = _table_rows(md)
    assert all(
        len(row) == 1 + len(POLICIES) for row in rows
    )  # a label column and one per policy, on every line
    assert len(rows) == 1 + 1 + len(headquarters.rows)  # header, awards, clause rows
    assert "有效（至2027-12-31）" in rows[0][1] and "青石" in rows[0][2]
    assert "**软件企业总部，给予**" in rows[2][2] and "`qingshi-2024/a1`" in rows[2][2]
    assert rows[3][1] == "" and "`jia-2024/a4`" in rows[3][3]  # 甲市's second clause, alone on its row
    assert "\n" not in "".join(rows[2])  # paragraphs become <br>, not broken rows


def test_markdown_header_names_an_expired_policy(fixture_library):
    rows = _table_rows(comparison_markdown(compare(fixture_library, "headquarters", date(2028, 1, 1))))
    assert all("已失效（有效期至2027-12-31）" in cell for cell in rows[0][1:])


@pytest.mark.parametrize(
    "topic",
    [
        "headquarters",
        "leading-firms",
        "talent",
        "parks",
        "events",
        "scope-validity",  # **（二）**本办法 would close no bold span
    ],
)
def test_markdown_renders_as_a_table_in_a_viewer(fixture_library, topic):
    from markdown_it import MarkdownIt  # what rich renders Markdown with

    comparison = compare(fixture_library, topic, AS_OF)
    html = MarkdownIt("commonmark").enable("table").render(comparison_markdown(comparison))
    assert html.count("<table>") == 1 and html.count("<th>") == 1 + len(POLICIES)
    assert html.count("<tr>") == 1 + 1 + max(1, len(comparison.rows))
    assert "**" not in html  # every bold span opened and closed
    bold = re.findall(r"<strong>(.*?)</strong>", html)
    for phrase in comparison.shared.phrases:  # each in bold (alone, or merged with a touching one)
        assert any(phrase in b for b in bold), phrase


def test_markdown_escapes_pipes_and_markup(headquarters):
    from dataclasses import replace

    hostile = replace(headquarters.columns[1].clauses[0], text="甲|乙*丙*_丁_<b>")
    rows = list(headquarters.rows)
    rows[0] = (rows[0][0], hostile, *rows[0][2:])
    # the shared wording was found in the old text: none is marked in the new one
    spans = {
        clause_id: found for clause_id, found in headquarters.shared.spans.items() if clause_id != hostile.id
    }
    md = comparison_markdown(
        replace(headquarters, rows=tuple(rows), shared=replace(headquarters.shared, spans=spans))
    )
    assert "甲\\|乙\\*丙\\*\\_丁\\_\\<b\\>" in md
    assert all(len(row) == 1 + len(POLICIES) for row in _table_rows(md))


def test_markdown_says_when_a_policy_has_nothing(talent):
    rows = _table_rows(comparison_markdown(talent))
    assert rows[1][3:] == ["无对应条款", "无对应条款"] and rows[2][3:] == ["无对应条款", "无对应条款"]


def test_matrix_markdown_lists_every_topic(fixture_library):
    rows = _table_rows(matrix_markdown(build_matrix(fixture_library, AS_OF)))
    assert len(rows) == 1 + len(fixture_library.topics)
    assert rows[5] == [
        "总部与招商（headquarters）",
        "1条 最高不超过300万元",
        "1条 最高300万元",
        "3条 最高1000万元（每年）",
        "1条 200万元",
    ]


def test_matrix_json(fixture_library):
    data = json.loads(render_matrix(build_matrix(fixture_library, AS_OF), "json"))
    assert [p["id"] for p in data["policies"]] == POLICIES
    assert len(data["topics"]) == len(fixture_library.topics)
    hq = next(t for t in data["topics"] if t["id"] == "headquarters")
    assert hq["cells"][2]["largest_award"]["yuan"] == 10000000
    events = next(t for t in data["topics"] if t["id"] == "events")
    assert events["cells"][0] == {
        "policy": "hewan-2025",
        "clauses": 1,
        "largest_award": None,
        "unspecified_awards": 1,
        "text": "1条 金额未明确",
    }


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


def test_csv_file_has_a_bom_for_excel_and_reads_back(tmp_path, headquarters):
    target = write_export(tmp_path / "c.csv", comparison_csv(headquarters), bom=True)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(target, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == 6 and records[0]["主题"] == "总部与招商"


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


@pytest.fixture(scope="module")
def open_source(library):
    """The bundled comparison: the only one with a draft past its proposed validity."""
    return compare(library, "open-source", AS_OF)


def test_csv_status_cell_is_worded_in_the_language(open_source):
    """The status cell goes through render.status: no Chinese comma between English badges."""
    for lang, expected in (
        ("zh", "征求意见稿，拟定有效期已过（拟至2025-12-31）"),
        ("en", "Draft for comments, proposed validity has passed (proposed until 2025-12-31)"),
    ):
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
    assert (
        english.startswith("# Open source (open-source)")
        and "：" not in render_matrix(matrix, "md", "en").split("\n| ")[0]
    )
