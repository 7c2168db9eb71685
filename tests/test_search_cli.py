"""`policytui search`: JSON for scripts, readable output for people, exit code 2 on a bad query;
filters, status, in force first, groups and did-you-mean."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from policytui.cli.main import main
from tests.conftest import AS_OF, FIXTURES

THIRD_CITY = str(FIXTURES / "search")


def test_json_holds_the_results_with_the_agreed_keys(cli):
    code, out, err = cli("search", "总部奖励", "--json")
    shape = json.loads(out)
    results = shape["results"]
    assert code == 0 and err == "" and shape["did_you_mean"] == []
    assert {"wuxi-draft/m4", "nanjing-2021/att.4"} <= {r["id"] for r in results}
    first = results[0]
    assert {"id", "policy", "label", "title", "score", "snippet"} <= set(first)
    assert first["policy"] == first["id"].split("/")[0]
    assert isinstance(first["score"], int) and 0 < first["score"] <= 100
    for start, end in first["spans"]:
        assert first["snippet"][start:end] in "总部奖励"
    assert first["status"] == {
        "as_of": "2026-11-22",
        "draft": True,
        "validity": "expired",
        "effective_from": None,
        "valid_until": "2025-12-31",
    }


def test_several_words_are_one_query_and_limit_and_policy_apply(cli):
    code, out, _ = cli("search", "open", "source", "--policy", "wuxi-draft", "--limit", "1", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["results"]] == ["wuxi-draft/m2"]


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
        'text = "支持[bold]开源[/bold]项目和[link=http://x]链接[/link]。"\n',
        encoding="utf-8",
    )
    code, out, _ = cli("search", "开源", "--data", str(tmp_path), "--policy", "markup")
    assert code == 0
    assert "[bold]开源[/bold]" in out and "[link=http://x]" in out


def test_nothing_found_says_so(cli):
    code, out, _ = cli("search", "钱包茶叶", "--lang", "en")
    assert code == 0
    assert "No clause matches “钱包茶叶”" in out and "Did you mean" not in out  # nothing near either


def test_an_english_word_that_matches_nothing_suggests_the_closest_known_terms(cli):
    code, out, _ = cli("search", "headquaters", "--lang", "en")
    assert code == 0
    assert "No clause matches “headquaters”" in out and "Did you mean: headquarters" in out
    code, out, _ = cli("search", "blokchain", "--json")
    assert json.loads(out) == {"did_you_mean": ["blockchain", "loan"], "results": []}


def test_pinyin_that_finds_nothing_suggests_chinese_words(cli):
    _code, out, _ = cli("search", "zhuanjingtexx")
    assert "您是不是要找：专精特新" in out


def test_filters_by_city_status_and_kind_combine(cli):
    def ids(*query, as_of=AS_OF):
        code, out, err = cli("search", *query, "--data", THIRD_CITY, "--json", "--limit", "20", as_of=as_of)
        assert code == 0, err
        return [r["id"] for r in json.loads(out)["results"]]

    assert set(ids("总部", "city:Qingshi")) == {"qingshi-2024/a1"}
    assert all(i.startswith("wuxi-draft/") for i in ids("总部", "city:无锡"))
    assert ids("总部", "status:in-force") == ["qingshi-2024/a1"]  # the only one in force on 2026-11-22
    in_force_2022 = ids("总部", "status:in-force", as_of=date(2022, 6, 30))  # Nanjing alone: Wuxi is a draft
    assert in_force_2022 and all(i.startswith("nanjing-2021/") for i in in_force_2022)
    assert all(i.startswith("wuxi-draft/") for i in ids("总部", "status:draft"))
    assert ids("总部", "status:expired", "status:draft") == ids("总部", "status:draft")
    not_yet = ids("总部", "status:not-yet", as_of=date(2023, 1, 1))
    assert "qingshi-2024/a1" in not_yet and not any(i.startswith("nanjing-2021/") for i in not_yet)
    items = ids("区块链", "kind:item")
    assert items and all(i.count(".") == 3 for i in items)  # nanjing-2021/p2.1.3.2: an item
    assert ids("kind:section", "city:Qingshi", "status:in-force") == [
        f"qingshi-2024/a{n}" for n in range(1, 8)
    ]


def test_in_force_first_ranks_without_hiding(cli):
    def ids(*flags):
        _code, out, _ = cli("search", "总部", "--data", THIRD_CITY, "--json", "--limit", "40", *flags)
        return [r["id"] for r in json.loads(out)["results"]]

    plain, first = ids(), ids("--in-force-first")
    assert sorted(plain) == sorted(first)
    assert first[0] == "qingshi-2024/a1" and plain[0] != "qingshi-2024/a1"


def test_results_grouped_by_policy(cli):
    code, out, _ = cli("search", "总部", "--group", "--json")
    assert code == 0
    groups = json.loads(out)["groups"]
    assert [g["policy"] for g in groups] == ["wuxi-draft", "nanjing-2021"]
    assert all(r["policy"] == g["policy"] for g in groups for r in g["results"])
    assert groups[1]["status"]["validity"] == "expired"
    _code, out, _ = cli("search", "总部", "--group", "--limit", "3")
    lines = out.splitlines()
    assert (
        lines[1].startswith("无锡 无锡市促进软件产业高质量发展的若干政策措施") and "[征求意见稿]" in lines[1]
    )
    assert lines[2].startswith(" 1. wuxi-draft/m4")


def test_each_result_line_shows_its_policys_status(cli):
    _code, out, _ = cli("search", "总部", "--limit", "2", "--lang", "en")
    assert "wuxi-draft/m4  Wuxi [draft, proposed validity passed]" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", ""], "empty query"),
        (["search", "   "], "empty query"),
        (["search", "topic:区块"], "no topic '区块'"),
        (["search", "amount>=abc"], "'abc' is not a sum of money"),
        (["search", "总部", "--policy", "shanghai"], "no policy 'shanghai'"),
        (["search", "city:杭州"], "no city '杭州'"),
        (["search", "status:valid"], "status: takes in-force, draft, expired or not-yet"),
        (["search", "kind:sectoin"], "no clause kind 'sectoin'; did you mean section"),
    ],
)
def test_an_empty_or_unreadable_query_is_one_clear_line_and_exit_2(cli, argv, message):
    code, out, err = cli(*argv, "--lang", "en")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("policytui: error: ") and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", ""], "查询为空"),
        (["search", "topic:区块"], "没有主题“区块”"),
        (["search", "amount>=abc"], "“abc”不是金额。可用写法：2亿"),
        (["search", "kind:sectoin"], "没有条款类型“sectoin”；您是不是要找：section"),
        (["search", "status:valid"], "“status:valid”：status: 可取 in-force、draft"),
    ],
)
def test_an_unreadable_query_is_explained_in_chinese(cli, argv, message):
    code, _out, err = cli(*argv, "--lang", "zh")
    assert code == 2 and err.startswith("policytui: 错误：") and message in err
    assert not re.search(r"\b(no|takes|needs|error|query|search)\b", err.split("错误：", 1)[1])


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_a_bad_limit_is_refused(capsys, limit):
    with pytest.raises(SystemExit) as caught:
        main(["search", "总部", "--limit", limit])
    assert caught.value.code == 2
    assert "--limit" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (["software", "parks"], "nanjing-2021/p2.7.1"),  # a plural of a known phrase
        (["headquartered"], "wuxi-draft/m4"),  # an inflection
        (["zhuan", "jing", "te", "xin"], "wuxi-draft/m6"),  # pinyin with spaces
        (["xxjsyycx"], "wuxi-draft/m9"),  # initials of an eight-character phrase
        (["fzzhsq"], "nanjing-2021/p2.5.2"),  # initials where zh is two characters' z and h
    ],
)
def test_each_kind_of_query_from_the_command_line(cli, query, expected):
    code, out, _ = cli("search", *query, "--json", "--limit", "5")
    assert code == 0 and expected in [r["id"] for r in json.loads(out)["results"]]


def test_suggestions_are_listed_in_the_user_language(cli):
    _code, out, _ = cli("search", "kaiyun")
    assert "您是不是要找：开源、" in out and ", " not in out
    _code, out, _ = cli("--lang", "en", "search", "kaiyun")
    assert "Did you mean: 开源, " in out
