"""A data problem is worded in either language from its code and params (render/problems)."""

from __future__ import annotations

import json
import re
import string
from typing import get_args

import pytest

from policytui.cli.main import main
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.core.model import Problem
from policytui.core.problems import Expected, ProblemCode
from policytui.render.problems import EXPECTED, MESSAGES, problem_line, problem_text, worded
from tests.conftest import FIXTURES

CJK = re.compile(r"[\u4e00-\u9fff]")
# Chinese in an English wording only inside an example of what to write (such as 上市, "2亿").
EXAMPLES = re.compile(r'"[^"]*"|（含）|及以上|待核|such as \S+')


def test_every_code_the_core_can_use_is_worded_in_both_languages():
    assert set(MESSAGES) == set(get_args(ProblemCode))
    assert set(EXPECTED) == set(get_args(Expected))
    for code, words in MESSAGES.items():
        assert words.en and CJK.search(words.zh), code
        assert bool(words.expected_en) == bool(words.expected_zh), code
    for code, words in EXPECTED.items():
        assert words.expected_en and words.expected_zh and not (words.en or words.zh), code


def test_the_english_wordings_hold_no_chinese_but_their_examples():
    for code, words in [*MESSAGES.items(), *EXPECTED.items()]:
        for text in (words.en, words.expected_en):
            assert not CJK.search(EXAMPLES.sub("", text)), (code, text)


def test_a_code_and_its_expectation_take_the_same_params_in_both_languages():
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for code, words in [*MESSAGES.items(), *EXPECTED.items()]:
        assert fields(words.en) == fields(words.zh), code
        assert fields(words.expected_en) == fields(words.expected_zh), code


def unknown_topic() -> Problem:
    library = load_library(dirs=data_dirs([FIXTURES / "bad" / "unknown-topic.toml"], user=False, env={}))
    return next(p for p in library.problems if p.code == "topic.unknown")


def test_a_problem_reads_in_chinese_and_in_english():
    problem = unknown_topic()
    assert problem.params == {"topic": "opensource", "hint": ("open-source",)}
    assert problem_text(problem, "zh").endswith(
        "unknown-topic.toml:10：clauses[0].topics：未知主题“opensource”（应为：主题 id，最接近的是 open-source）"
    )
    assert problem_text(problem, "en").endswith(
        "unknown-topic.toml:10: clauses[0].topics: unknown topic 'opensource' (expected a topic id such as open-source)"
    )
    assert problem_line(problem, "zh").startswith("错误：") and problem_line(problem, "en").startswith(
        "error: "
    )


@pytest.mark.parametrize(
    ("problem", "zh", "en"),
    [
        (
            Problem("f.toml", "value.kind", {"found": "list"}, where="policy.title", expected="title"),
            "类型为列表（应为：原文印刷的标题）",
            "is a list (expected the title as printed)",
        ),
        (
            Problem("f.toml", "file.unknown_kind", {"headers": ("[policy]", "[[topics]]", "[[rules]]")}),
            "没有 [policy]、[[topics]]或[[rules]] 表",
            "no [policy], [[topics]] or [[rules]] table",
        ),
        (
            Problem("f.toml", "number.out_of_range", {"value": None, "digits": 20, "exponent": 15}),
            "长得无法显示的数字”超出范围",
            "a figure too long to print' is out of range",
        ),
        (
            Problem("f.toml", "file.unreadable", {"errno": "EACCES", "error": "Permission denied"}),
            "无法读取：没有权限",
            "cannot be read: permission denied",
        ),
        (
            Problem("f.toml", "toml.malformed", {"error": "Invalid value (at line 3, column 8)"}, line=3),
            "TOML 格式错误：第 3 行第 8 列：值无效（应为：有效的 TOML",
            "malformed TOML: Invalid value (at line 3, column 8) (expected valid TOML",
        ),
        (  # a message of the TOML parser's not known here stays in its words
            Problem("f.toml", "toml.malformed", {"error": "Something new (at end of document)"}),
            "TOML 格式错误：文件末尾：Something new",
            "malformed TOML: Something new (at end of document)",
        ),
        (
            Problem("f.toml", "source.coverage", {"coverage": 0.5, "source": "a.txt", "minimum": 0.97}),
            "各段文本只引用了 a.txt 的 50.0%（应为：至少引用原文的 97%）",
            "the texts quote only 50.0% of a.txt (expected at least 97% of the source quoted)",
        ),
    ],
)
def test_params_are_worded_for_the_language(problem, zh, en):
    assert zh in problem_text(problem, "zh") and en in problem_text(problem, "en")


def test_a_failed_golden_case_says_what_it_got_and_expected_in_either_language():
    params = {"rule": "r:1", "about": "门槛", "eligible": True, "amount": "300000"}
    problem = Problem(
        "r.toml", "case.failed", {**params, "got_eligible": False, "got_amount": "", "error": ""}
    )
    assert worded(problem, "zh").message == "r:1 的黄金用例（门槛）：得到 不符合条件"
    assert worded(problem, "zh").expected == '符合条件，amount_yuan = "300000"'
    assert worded(problem, "en").message == "golden case of r:1 (门槛): got not eligible"
    assert worded(problem, "en").expected == 'eligible, amount_yuan = "300000"'


def test_values_from_a_file_are_made_safe_whatever_the_language():
    problem = Problem("f.toml", "value.invalid", {"value": "\x1b]2;PWNED\x07"}, where="a\nb")
    for lang in ("zh", "en"):
        line = problem_line(problem, lang)
        assert "\x1b" not in line and "\n" not in line and "\\x1b]2;PWNED\\x07" in line


def test_validate_json_keeps_its_keys_and_adds_the_code_and_params(capsys):
    bad = str(FIXTURES / "bad" / "unknown-topic.toml")
    by_lang = {}
    for lang in ("zh", "en"):
        main(["validate", bad, "--json", "--lang", lang, "--no-user-data"])
        by_lang[lang] = json.loads(capsys.readouterr().out)["problems"][0]
    zh, en = by_lang["zh"], by_lang["en"]
    assert set(zh) == {"file", "line", "where", "severity", "message", "expected", "code", "params"}
    assert (
        (zh["code"], zh["params"])
        == (en["code"], en["params"])
        == ("topic.unknown", {"topic": "opensource", "hint": ["open-source"]})
    )
    assert zh["message"] == "未知主题“opensource”" and en["message"] == "unknown topic 'opensource'"


def test_validate_words_the_problems_in_the_chosen_language(capsys):
    bad = str(FIXTURES / "bad")
    main(["validate", bad, "--no-user-data"])
    zh = capsys.readouterr().out
    main(["validate", bad, "--lang", "en", "--no-user-data"])
    en = capsys.readouterr().out
    assert "因上述错误，已跳过此文件" in zh and "file skipped because of the errors above" in en
    words = re.sub(
        r"\S*\.(toml|txt)\S*|解析器提示：[^）]*", "", zh
    )  # file names, and the TOML parser's own words
    assert not re.search(r"\b(is|not|the|expected|error|skipped)\b", words)
    assert "（应为：" not in en and "(expected " in en
