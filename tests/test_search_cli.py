"""`policytui search`: JSON for scripts, readable output for people, exit code 2 on a bad query."""

from __future__ import annotations

import json

import pytest

from policytui.cli.main import main




def test_json_is_a_list_of_results_with_the_agreed_keys(cli):
    code, out, err = cli("search", "总部奖励", "--json")
    results = json.loads(out)
    assert code == 0 and err == ""
    assert {"wuxi-draft/m4", "nanjing-2021/att.4"} <= {r["id"] for r in results}
    first = results[0]
    assert {"id", "policy", "label", "title", "score", "snippet"} <= set(first)
    assert first["policy"] == first["id"].split("/")[0]
    assert isinstance(first["score"], int) and 0 < first["score"] <= 100
    for start, end in first["spans"]:
        assert first["snippet"][start:end] in "总部奖励"


def test_several_words_are_one_query_and_limit_and_policy_apply(cli):
    code, out, _ = cli("search", "open", "source", "--policy", "wuxi-draft", "--limit", "1", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["wuxi-draft/m2"]


def test_readable_output_marks_hits_and_says_each_policys_status(cli):
    code, out, _ = cli("search", "kaiyuan", "--limit", "3")
    assert code == 0
    assert "“kaiyuan”：3 条结果" in out
    assert "[征求意见稿]" in out and "已失效" in out
    assert "wuxi-draft/m2" in out and "支持开源技术创新应用" in out


def test_policy_text_is_never_read_as_markup(cli, tmp_path):
    policy = tmp_path / "markup.toml"
    policy.write_text(
        'schema = 1\n[policy]\nid = "markup"\ntitle = "测试"\ncity = "测试市"\n'
        '[[clauses]]\nid = "c1"\nkind = "section"\ntopics = ["overview"]\n'
        'text = "支持[bold]开源[/bold]项目和[link=http://x]链接[/link]。"\n', encoding="utf-8")
    code, out, _ = cli("search", "开源", "--data", str(tmp_path), "--policy", "markup")
    assert code == 0
    assert "[bold]开源[/bold]" in out and "[link=http://x]" in out


def test_nothing_found_says_so(cli):
    code, out, _ = cli("search", "钱包茶叶", "--lang", "en")
    assert code == 0
    assert "No clause matches “钱包茶叶”" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", ""], "empty query"),
        (["search", "   "], "empty query"),
        (["search", "topic:区块"], "no topic '区块'"),
        (["search", "amount>=abc"], "'abc' is not a sum of money"),
        (["search", "总部", "--policy", "shanghai"], "no policy 'shanghai'"),
    ],
)
def test_an_empty_or_unreadable_query_is_one_clear_line_and_exit_2(cli, argv, message):
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("policytui: error: search: ") and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_a_bad_limit_is_refused(capsys, limit):
    with pytest.raises(SystemExit) as caught:
        main(["search", "总部", "--limit", limit])
    assert caught.value.code == 2
    assert "--limit" in capsys.readouterr().err
