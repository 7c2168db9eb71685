"""`policytui import` on texts written in other styles, bad input, overwriting, review marks."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from policytui.cli.main import main
from tests.conftest import FIXTURES

SOURCES = FIXTURES / "import"
STYLES = ["ascii", "articles", "table", "webpage", "gbk"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--no-user-data", "--as-of", "2026-11-22"])
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, tmp_path: Path, style: str, *extra: str) -> dict:
    target = tmp_path / f"{style}.toml"
    code, out, err = run(
        capsys, "import", str(SOURCES / f"{style}.txt"), "--output", str(target), "--json", *extra
    )
    assert code == 0, err
    report = json.loads(out)
    report["doc"] = tomllib.loads(target.read_text(encoding="utf-8"))
    report["clauses_by_id"] = {c["id"]: c for c in report["doc"]["clauses"]}
    return report


@pytest.mark.parametrize("style", STYLES)
def test_each_style_imports_to_a_file_that_validates_with_no_error(capsys, tmp_path, style):
    imported(capsys, tmp_path, style)
    code, out, _ = run(capsys, "validate", str(tmp_path), "--json")
    result = json.loads(out)
    assert code == 0 and result["errors"] == 0, result["problems"]
    assert not [p for p in result["problems"] if p["code"] == "source.coverage"]  # the source is all quoted


def test_ascii_punctuation_labels_departments_and_figures(capsys, tmp_path):
    report = imported(capsys, tmp_path, "ascii")
    clauses = report["clauses_by_id"]
    assert [c.get("label") for c in report["doc"]["clauses"] if c.get("label")] == [
        "一、",
        "(一)",
        "(二)",
        "二、",
        "(三)",
    ]
    assert clauses["p1.1"]["title"] == "支持算法创新" and clauses["p1.1"]["parent"] == "p1"
    assert clauses["p1.2"]["departments"] == ["市发展改革委", "市工业和信息化局"]
    assert clauses["p2.3"]["departments"] == ["市工业和信息化局"]
    rate, cap = clauses["p1.1"]["amounts"]
    assert (rate["role"], rate["value"], rate["unit"], rate["base"], rate["qualifiers"]) == (
        "rate",
        "20",
        "%",
        "研发投入",
        ["不超过"],
    )
    assert (cap["role"], cap["value"], cap["qualifiers"]) == ("cap", "200", ["最高"])
    threshold, award, national, provincial = clauses["p2.3"]["amounts"]
    assert (threshold["role"], threshold["value"], threshold["unit"], threshold["qualifiers"]) == (
        "threshold",
        "1",
        "亿元",
        ["超过"],
    )
    assert award["role"] == "award" and award["qualifiers"] == [] and award["period"] == "unspecified"
    assert (national["level"], provincial["level"], national["period"]) == (
        "national",
        "provincial",
        "one-off",
    )
    meta = report["doc"]["policy"]
    assert (meta["city"], meta["effective_from"], meta["valid_until"]) == ("江州", "2024-01-01", "2026-12-31")
    assert "issued" not in meta and "issuer" not in meta  # the text prints neither


def test_articles_and_chapters_make_the_tree(capsys, tmp_path):
    report = imported(capsys, tmp_path, "articles")
    clauses = report["clauses_by_id"]
    assert [(c["id"], c["kind"]) for c in report["doc"]["clauses"] if c.get("label", "").endswith("章")] == [
        ("p1", "part"),
        ("p2", "part"),
        ("p3", "part"),
    ]
    assert clauses["p2.5"]["label"] == "第五条" and clauses["p2.5"]["parent"] == "p2"
    rate, cap = clauses["p2.5"]["amounts"]
    assert (rate["role"], rate["base"], cap["role"], cap["period"]) == ("rate", "实际租金", "cap", "per-year")
    meta = report["doc"]["policy"]
    assert meta["scope"]["text"] == "本办法适用于在本市注册的软件企业。"
    assert meta["interpretation"]["text"] == "本办法由市工业和信息化局负责解释。"
    assert meta["valid_until"] == "2027-02-28"


def test_a_table_keeps_its_rows_and_figures(capsys, tmp_path):
    report = imported(capsys, tmp_path, "table")
    table = report["clauses_by_id"]["p1.table"]
    assert table["kind"] == "table" and table["title"] == "认定奖励标准" and table["parent"] == "p1"
    assert table["text"].splitlines()[1:] == ["认定级别 奖励金额", "国家级 100万元", "省级 50万元"]
    assert [a["value"] for a in table["amounts"]] == ["100", "50"]


def test_a_web_page_copy_loses_its_navigation_and_says_so(capsys, tmp_path):
    report = imported(capsys, tmp_path, "webpage")
    texts = "".join(c["text"] for c in report["doc"]["clauses"])
    assert "首页" not in texts and "打印" not in texts
    copy = (tmp_path / "webpage.source.txt").read_text(encoding="utf-8")
    assert "首页 > 政策文件" not in copy and "北山市关于支持开源软件发展的若干措施" in copy
    left_out = [item for item in report["review"] if item["where"] == "policy.source"]
    assert len(left_out) == 3 and "首页 > 政策文件" in left_out[0]["message"]
    assert report["doc"]["policy"]["title"] == "北山市关于支持开源软件发展的若干措施"


def test_gbk_bytes_are_read_and_the_copy_is_utf8(capsys, tmp_path):
    report = imported(capsys, tmp_path, "gbk")
    assert report["encoding"] == "GB18030" and report["doc"]["policy"]["city"] == "南湖"
    assert "集成电路设计" in (tmp_path / "gbk.source.txt").read_text(encoding="utf-8")


def test_review_items_point_at_their_marks_in_the_files(capsys, tmp_path):
    report = imported(capsys, tmp_path, "ascii")
    assert report["review"]
    for item in report["review"]:
        lines = Path(item["file"]).read_text(encoding="utf-8").splitlines()
        assert lines[item["line"] - 1] == "# 待核: " + item["message"]


def test_validate_counts_open_marks_and_missing_cases_as_warnings(capsys, tmp_path):
    report = imported(capsys, tmp_path, "webpage")
    code, out, _ = run(capsys, "validate", str(tmp_path), "--json")
    problems = json.loads(out)["problems"]
    marks = [p for p in problems if p["code"] == "review.mark"]
    no_case = [p for p in problems if p["code"] == "cases.none"]
    assert code == 0 and len(marks) == len(report["review"]) and len(no_case) == report["rules"] > 0
    assert {p["severity"] for p in marks + no_case} == {"warning"}
    policy = Path(report["files"]["policy"])
    policy.write_text(
        "\n".join(
            line for line in policy.read_text(encoding="utf-8").splitlines() if not line.startswith("# 待核")
        )
        + "\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "validate", str(policy), "--json")
    assert json.loads(out)["warnings"] == 0


def test_english_marks_when_asked_and_validate_counts_them(capsys, tmp_path):
    report = imported(capsys, tmp_path, "webpage", "--lang", "en")
    assert any(
        item["message"].startswith("line 1 of the original is web-page navigation")
        for item in report["review"]
    )
    lines = Path(report["files"]["policy"]).read_text(encoding="utf-8").splitlines()
    marks = [line for line in lines if line.startswith("# REVIEW: ")]
    assert len(marks) == sum(item["file"] == report["files"]["policy"] for item in report["review"])
    _, out, _ = run(capsys, "validate", report["files"]["policy"], "--json")
    assert json.loads(out)["warnings"] == len(marks)


BAD_INPUTS = {
    "empty": (b"  \n\n", "空"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
    "latin-1": ("Politique de soutien au café et à la création".encode("latin-1"), "UTF-8"),
    "utf-16": ("一、总则".encode("utf-16"), "UTF-16"),
    "no structure": ("这是一段普通的文字，没有任何编号的条款。\n第二段也没有。\n".encode(), "结构"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_nothing_written(capsys, tmp_path, name):
    data, words = BAD_INPUTS[name]
    source = tmp_path / "in" / "source.txt"
    source.parent.mkdir()
    source.write_bytes(data)
    out_dir = tmp_path / "out"
    code, out, err = run(
        capsys, "import", str(source), "--output", str(out_dir / "x.toml"), "--id", "x", "--city", "某"
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err and "source.txt" in err
    assert not out_dir.exists()


def test_a_missing_source_is_one_line_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "nowhere.txt"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nowhere.txt" in err


def test_never_overwrites_without_force(capsys, tmp_path):
    target = tmp_path / "ascii.toml"
    imported(capsys, tmp_path, "ascii")
    target.write_text("# my edits\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(SOURCES / "ascii.txt"), "--output", str(target))
    assert code == 2 and "--force" in err and target.read_text(encoding="utf-8") == "# my edits\n"
    code, _, _ = run(capsys, "import", str(SOURCES / "ascii.txt"), "--output", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# 《江州市")


def test_an_id_already_loaded_is_refused(capsys, tmp_path):
    source = Path(__file__).parent.parent / "data" / "sources" / "001_0166ce082073ef3a.txt"
    code, _, err = run(capsys, "import", str(source), "--output", str(tmp_path / "w.toml"))
    assert code == 2 and "wuxi-draft" in err and "--id" in err
    assert not list(tmp_path.iterdir())


def test_without_a_city_in_the_title_it_asks_for_one(capsys, tmp_path):
    source = tmp_path / "nocity.txt"
    source.write_text("软件产业若干措施\n\n一、总则\n\n（一）支持企业发展。\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "--output", str(tmp_path / "n.toml"))
    assert code == 2 and "--city" in err
    code, _, _ = run(
        capsys,
        "import",
        str(source),
        "--output",
        str(tmp_path / "n.toml"),
        "--city",
        "某某",
        "--id",
        "someplace",
    )
    assert code == 0


def test_output_into_a_directory_and_only_as_toml(capsys, tmp_path):
    code, _, _ = run(capsys, "import", str(SOURCES / "gbk.txt"), "--output", str(tmp_path), "--id", "nanhu")
    assert code == 0 and (tmp_path / "nanhu.toml").is_file()
    code, _, err = run(capsys, "import", str(SOURCES / "gbk.txt"), "--output", str(tmp_path / "x.txt"))
    assert code == 2 and ".toml" in err and not (tmp_path / "x.txt").exists()


def test_an_unwritable_place_is_one_line_not_a_traceback(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, _, err = run(
        capsys, "import", str(SOURCES / "gbk.txt"), "--output", str(blocker / "sub" / "p.toml")
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_import_command_does_not_import_textual():
    import subprocess
    import sys

    probe = (
        "import contextlib, io, sys, tempfile\n"
        "from policytui.cli.main import main\n"
        "out = tempfile.mkdtemp()\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['import', {str(SOURCES / 'ascii.txt')!r}, '--output', out, '--no-user-data']) == 0\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_no_escape_sequence_from_a_file_name_or_its_text_reaches_the_terminal(capsys, tmp_path):
    source = tmp_path / "evil\x1b[31m.txt"
    source.write_text(
        "某某市支持措施\x1b]0;owned\x07\n\n一、总则\x1b[2J\n\n（一）给予最高10万元奖励。（市财政局负责）\n",
        encoding="utf-8",
    )
    argv = ("import", str(source), "--city", "某某", "--id", "evil", "--output", str(tmp_path / "e.toml"))
    written = run(capsys, *argv)
    refused = run(capsys, *argv)  # the file exists now: an error that names paths
    assert (written[0], refused[0]) == (0, 2)
    for _, out, err in (written, refused):
        assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\x1b" not in (tmp_path / "e.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "无法读取 {path}：没有这个文件或目录"), ("en", "cannot read {path}: no such file or directory")],
)
def test_a_missing_source_is_said_in_the_user_language(cli, tmp_path, lang, expected):
    missing = tmp_path / "missing.txt"
    code, _, err = cli("--lang", lang, "import", str(missing))
    assert code == 2 and expected.format(path=missing) in err


def drafted_rules(capsys, tmp_path: Path) -> dict[str, dict]:
    report = imported(capsys, tmp_path, "awards")
    assert Path(report["files"]["rules"]) == tmp_path / "awards.rules.toml"
    rules = tomllib.loads((tmp_path / "awards.rules.toml").read_text(encoding="utf-8"))["rules"]
    return {rule["clause"]: rule for rule in rules}


def test_draft_rules_for_steps_lines_tiers_years_and_promises(capsys, tmp_path):
    """Each common award pattern of tests/fixtures/import/awards.txt gets a draft of its kind."""
    rules = drafted_rules(capsys, tmp_path)
    assert {clause: rule["kind"] for clause, rule in rules.items()} == {
        "p1.1": "stepped",  # 达到1亿元、5亿元、10亿元…分别给予…；奖励差额
        "p1.2": "stepped",  # 突破20亿元、50亿元…分别给予…
        "p1.3": "rate",  # on the part above 500万元
        "p1.4": "rate",  # for firms past 5亿元
        "p1.5": "tiered-rate",  # its tiers in two sentences
        "p2.6": "rate",  # 连续支持3年
        "p2.7": "unspecified",  # 给予适当补助
        "p2.8": "fixed",  # the stacking sentence after it adds no rule
        "p2.9": "fixed",  # two, which do not stack (below)
        "p2.10": "rate",  # a rate for each year (纳统当年…1%、第2年…0.5%)
        "p2.11": "by-level",  # awards by grade: CMMI3级、4级、5级
    }
    reached, passed = rules["p1.1"], rules["p1.2"]
    assert [tier["from"]["inclusive"] for tier in reached["tiers"]] == [True, True, True]  # 达到
    assert [tier["from"]["inclusive"] for tier in passed["tiers"]] == [False, False]  # 突破
    assert reached["difference_from"] == "rewarded_revenue" and "difference_from" not in passed
    assert [i["label"] for i in reached["inputs"]] == ["年营业收入", "此前获奖时的年营业收入（未获过填0）"]
    # inputs named after what they are, as the bundled rules and profiles name them
    assert [i["name"] for i in reached["inputs"]] == ["revenue", "rewarded_revenue"]
    assert (rules["p1.3"]["base"], rules["p2.6"]["base"]) == ("rd_spending", "income_tax")
    assert rules["p1.3"]["above"] == {"value": "500", "unit": "万元", "inclusive": False}
    assert rules["p1.4"]["conditions"][0] | {"quote": ""} == {
        "input": "revenue",
        "op": ">",
        "value": "5",
        "unit": "亿元",
        "quote": "",
    }
    assert rules["p2.6"]["years"] == 3 and rules["p2.7"]["award"] == {}
    assert list(rules["p2.10"]["rates"]) == ["first-year", "second-year"]
    assert rules["p2.11"]["inputs"][0]["choices"] == ["CMMI3级", "4级", "5级"]
    # who qualifies, verbatim, names a bare award; a line with a figure is worked out, not taken as met
    assert (rules["p2.6"]["applies_to"], rules["p2.6"]["name"]) == (
        "新引进的高级人才",
        "新引进的高级人才奖励",
    )
    assert "applies_to" not in rules["p1.1"] and "applies_to" not in rules["p1.3"]  # 对其…的部分: a base


@pytest.mark.parametrize(
    "rule, inputs, amount",
    [
        ("p1-1-1", ["revenue=1亿", "rewarded_revenue=0"], 200_000),  # 达到 takes 1亿元 in
        ("p1-1-1", ["revenue=99999999.99", "rewarded_revenue=0"], None),
        ("p1-1-1", ["revenue=6亿", "rewarded_revenue=1.5亿"], 300_000),  # 50万 − 20万: the difference
        ("p1-2-1", ["revenue=20亿"], None),  # 突破 does not
        ("p1-2-1", ["revenue=2000000000.01"], 3_000_000),
        ("p1-3-1", ["rd_spending=2000万"], 1_500_000),  # (2000万 − 500万) × 10%
        ("p1-3-1", ["rd_spending=3000万"], 2_000_000),  # 250万, capped
        ("p1-4-1", ["revenue=5亿"], None),  # 超过 5亿元
        ("p1-4-1", ["revenue=5.2亿"], 2_600_000),
        ("p1-5-1", ["rd_spending=500万"], 250_000),  # （含）
        ("p1-5-1", ["rd_spending=2000万"], 1_600_000),  # 及以上: the second sentence's 8%
        ("p2-6-1", ["income_tax=40万"], 600_000),  # 20万 a year for 3 years
        ("p2-8-1", [], 300_000),
        ("p2-10-1", ["year=first-year", "revenue=3000万"], 300_000),
        ("p2-10-1", ["year=second-year", "revenue=3000万"], 150_000),
        ("p2-10-1", ["year=first-year", "revenue=1亿"], 500_000),  # 每年最高50万元
        ("p2-11-1", ["grade=CMMI3级"], 100_000),
        ("p2-11-1", ["grade=5级"], 300_000),
    ],
)
def test_draft_rules_compute_as_the_text_says(capsys, tmp_path, rule, inputs, amount):
    drafted_rules(capsys, tmp_path)
    code, out, err = run(capsys, "--data", str(tmp_path), "calc", rule, *inputs, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["eligible"] == (amount is not None), result["steps"]
    assert result["amount_yuan"] == (amount or 0), result["steps"]


def test_awards_a_clause_says_do_not_stack_are_drafted_in_a_group_of_the_texts_own(capsys, tmp_path):
    drafted_rules(capsys, tmp_path)
    document = tomllib.loads((tmp_path / "awards.rules.toml").read_text(encoding="utf-8"))
    (group,) = document["groups"]
    assert group["quote"] == "同一企业按最高等级给予奖励，不重复支持。" and group["interpretation"] is False
    assert {r["id"]: r.get("stacking") for r in document["rules"] if r["clause"] in ("p2.8", "p2.9")} == {
        "p2-8-1": None,  # one award: nothing to stack
        "p2-9-1": group["id"],
        "p2-9-2": group["id"],
    }
    code, out, _ = run(capsys, "--data", str(tmp_path), "calc", "p2-9-1", "--json")
    assert code == 0 and json.loads(out)["amount_yuan"] == 300_000  # the group loads with its rules


def test_a_promise_without_a_figure_is_marked_and_computes_as_unspecified(capsys, tmp_path):
    rules = drafted_rules(capsys, tmp_path)
    policy = tomllib.loads((tmp_path / "awards.toml").read_text(encoding="utf-8"))
    (promise,) = next(c for c in policy["clauses"] if c["id"] == "p2.7")["amounts"]
    assert promise["quote"] == "给予适当补助" and "value" not in promise
    assert "金额未明确" in (tmp_path / "awards.toml").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--data", str(tmp_path), "calc", rules["p2.7"]["id"], "--json")
    result = json.loads(out)
    assert code == 0 and result["eligible"] and result["amount_yuan"] is None
    assert any("金额未明确" in step for step in result["steps"])


def test_a_look_up_counts_a_draft_files_repeated_warnings_that_validate_lists(capsys, tmp_path):
    drafted_rules(capsys, tmp_path)  # 12 draft rules, none with a golden case yet
    code, _, err = run(capsys, "--data", str(tmp_path), "search", "奖励")
    assert code == 0
    lines = err.splitlines()
    assert sum("没有黄金用例" in line for line in lines) == 2
    assert (
        lines[-1]
        == f"policytui: 警告：{tmp_path / 'awards.rules.toml'}：另有 10 处同类警告；policytui validate 逐条列出"
    )
    code, out, _ = run(capsys, "validate", str(tmp_path), "--json")
    assert sum(p["code"] == "cases.none" for p in json.loads(out)["problems"]) == 12


def test_steps_printed_from_the_top_down_are_drafted_from_the_lowest_up(capsys, tmp_path):
    source = tmp_path / "down.txt"
    source.write_text(
        "西城市措施\n一、支持\n（一）对年营业收入首次达到10亿元、5亿元、1亿元的软件企业，"
        "分别给予100万元、50万元、20万元奖励。\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(source), "--id", "xc", "--output", str(tmp_path / "xc.toml"))
    assert code == 0, err
    for revenue, yuan in (("1亿", 200_000), ("6亿", 500_000), ("11亿", 1_000_000)):
        code, out, err = run(
            capsys, "--data", str(tmp_path), "calc", "p1-1-1", f"revenue={revenue}", "--json"
        )
        assert code == 0 and json.loads(out)["amount_yuan"] == yuan, err
