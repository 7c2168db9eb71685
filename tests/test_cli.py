"""The non-interactive CLI: output for people and JSON for scripts, exit codes, no tracebacks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from policytui.cli.main import main
from tests.conftest import FIXTURES

CITY3 = ("--data", str(FIXTURES / "city3"))  # 河湾, made up for the tests


def test_list_json_shows_both_policies_expired_as_of_a_date(cli):
    code, out, _ = cli("list", "--json", "--as-of", "2026-11-22")
    data = {p["id"]: p for p in json.loads(out)}
    assert code == 0 and set(data) == {"nanjing-2021", "wuxi-draft"}
    assert data["wuxi-draft"]["status"] == {
        "as_of": "2026-11-22",
        "draft": True,
        "validity": "expired",
        "effective_from": None,
        "valid_until": "2025-12-31",
    }
    assert data["nanjing-2021"]["status"]["validity"] == "expired"
    assert data["wuxi-draft"]["issued"] is None


def test_list_for_people_shows_status_badges(cli):
    code, out, _ = cli("list", "--as-of", "2026-11-22")
    assert code == 0
    # a draft never took effect: its proposed validity has passed, it has not "expired"
    assert "征求意见稿" in out and out.count("已失效") == 1 and "拟定有效期已过" in out


def test_list_in_english_when_asked(cli):
    _, out, _ = cli("--lang", "en", "list")
    assert "Draft for comments" in out and "Expired" in out


def test_as_of_given_before_the_command_is_kept(cli):
    _, out, _ = cli("--as-of", "2023-01-01", "list", "--json", as_of=None)
    assert {p["status"]["validity"] for p in json.loads(out)} == {"in-force", "not-yet-in-force"}


def test_show_json_of_a_clause(cli):
    code, out, _ = cli("show", "hewan-2025/m6", "--json", *CITY3)
    data = json.loads(out)
    assert code == 0 and data["label"] == "（六）" and data["title"] == "招商引资奖励"
    assert data["departments"] == ["市商务局", "市财政局"]
    assert data["topics"] == [{"id": "headquarters", "name": "总部与招商"}]
    cap = next(a for a in data["amounts"] if a["role"] == "cap")
    assert (cap["value"], cap["unit"], cap["yuan"], cap["upper_bound"]) == ("300", "万元", 3000000, True)
    assert data["status"]["validity"] == "in-force" and data["warnings"] == []


def test_show_json_warns_once_the_policy_has_expired(cli):
    _, out, _ = cli("show", "hewan-2025/m6", "--json", *CITY3, as_of=date(2028, 1, 1))
    data = json.loads(out)
    assert data["status"]["validity"] == "expired"
    assert data["warnings"] == [
        "截至2028-01-01，《河湾市促进软件和信息技术服务业发展若干措施》已于2027-12-31失效，金额仅供参考"
    ]


def test_show_every_clause(cli, library):
    for clause in library.clauses():
        code, out, _ = cli("show", clause.id, "--json")
        assert code == 0 and json.loads(out)["text"] == clause.text


def test_show_for_people_prints_text_departments_and_amounts(cli):
    code, out, _ = cli("show", "b1", *CITY3, "--data", str(FIXTURES / "estimates"))  # b1: 乙市's only
    assert code == 0
    for expected in (
        "yi-2024/b1",
        "乙市›第一条",
        "对新落户的软件企业总部，给予一次性奖励200万元。",
        "200万元（一次性）",
        "有效（至2027-12-31）",
    ):
        assert expected in out.replace("\n", "").replace("│", "").replace(" ", "")


def test_show_unknown_id_suggests_the_closest(cli):
    code, out, err = cli("show", "hewan/m66", "--lang", "en", *CITY3)
    assert code == 2 and out == ""
    assert err.startswith("policytui: error: no clause 'hewan/m66'; closest: hewan-2025/m6,")


def test_validate_clean_files_exit_0(cli):
    code, out, _ = cli("validate", "--lang", "en", str(FIXTURES / "good"))
    assert code == 0 and "ok: 1 file checked, 0 errors, 0 warnings" in out


def test_validate_bad_files_exit_1_and_name_each_problem(cli):
    code, out, _ = cli("validate", str(FIXTURES / "bad"), "--json")
    report = json.loads(out)
    assert code == 1 and report["errors"] >= 9
    where = {(p["file"].rsplit("/", 1)[-1], p["where"]) for p in report["problems"]}
    assert ("unknown-topic.toml", "clauses[0].topics") in where
    assert ("bad-date.toml", "policy.issued") in where


def test_validate_the_bundled_data_is_clean(cli):
    code, out, _ = cli("validate", "--lang", "en", "data")
    assert code == 0, out


def test_validate_a_missing_path(cli):
    code, out, _ = cli("validate", "--lang", "en", "no-such-file.toml")
    assert code == 1 and "no such file" in out


def test_validate_speaks_the_users_language(cli):
    code, out, _ = cli("validate", "--lang", "zh", str(FIXTURES / "good"), "no-such-file.toml")
    assert code == 1 and out.startswith("错误：no-such-file.toml：没有这个文件")
    assert out.endswith("未通过：检查了 1 个文件，1 个错误，0 个警告\n")
    _, english, _ = cli(
        "validate", "--lang", "en", str(FIXTURES / "good"), str(FIXTURES / "city3"), "--cases"
    )
    _, chinese, _ = cli(
        "validate", "--lang", "zh", str(FIXTURES / "good"), str(FIXTURES / "city3"), "--cases"
    )
    assert english.endswith("ok: 3 files checked, 0 errors, 0 warnings\n") and "\ncases: " in english
    assert chinese.endswith("通过：检查了 3 个文件，0 个错误，0 个警告\n") and "\n用例：运行 " in chinese
    assert "no inputs" in english and "no inputs" not in chinese and "无输入" in chinese


def test_bad_user_file_is_reported_on_stderr_and_the_rest_loads(cli):
    code, out, err = cli("list", "--json", "--data", str(FIXTURES / "bad" / "unknown-topic.toml"))
    assert code == 0 and len(json.loads(out)) == 2
    assert "未知主题“opensource”" in err and "Traceback" not in err


def test_bad_as_of_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--as-of", "2025-13-01"])
    assert exit_info.value.code == 2
    assert "“2025-13-01”不是日期（应为 YYYY-MM-DD）" in capsys.readouterr().err


def test_version(capsys):
    assert main(["--version"]) == 0 and capsys.readouterr().out.startswith("policytui ")


def test_version_after_other_options(capsys):  # the full parser's --version
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.startswith("policytui ")


def test_an_unexpected_error_is_one_line_not_a_traceback(cli, monkeypatch):
    import policytui.cli.list_cmd as list_cmd

    def explode(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(list_cmd, "load", explode)
    code, _, err = cli("list")
    assert (
        code == 1
        and err.strip() == "policytui: 内部错误：RuntimeError: boom（设置 POLICYTUI_DEBUG=1 可查看详情）"
    )
    code, _, err = cli("list", "--lang", "en")
    assert code == 1 and err.strip() == (
        "policytui: internal error: RuntimeError: boom (set POLICYTUI_DEBUG=1 for details)"
    )


def test_python_dash_m_runs_the_cli(cli):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "policytui", "show", "m4", "--json", "--no-user-data"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["id"] == "wuxi-draft/m4"


def test_the_closest_ids_are_listed_with_the_languages_separator(cli):
    code, _, err = cli("show", "hewan/m66", *CITY3)
    assert code == 2
    near = err.split("最接近的：", 1)[1].strip()
    assert "、" in near and ", " not in near, err
