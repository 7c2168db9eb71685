"""How a data file's problem reads in either language: the wording of every ProblemCode and
Expected code (core/problems), and the one line a problem is printed as.

The core reports what is wrong as a code with values (core/model.Problem); the words are here,
so that a library loaded and cached once can be reported in zh or en. A template's fields are
the problem's params, each worded for the language by `_worded_params`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from policytui.core.model import Problem
from policytui.core.problems import Expected, ProblemCode, ProblemParam
from policytui.core.sanitize import one_line
from policytui.i18n import STRINGS, t


class Words(NamedTuple):
    """What a code says in each language, and what it expects (empty: nothing, or the
    field's own Expected code given where the problem was found)."""

    en: str
    zh: str
    expected_en: str = ""
    expected_zh: str = ""


_FIGURE_TABLE = '{{ value = "100", unit = "万元" }}'
_VALID_TOML = Words("", "", "valid TOML (see docs/data-format.md)", "有效的 TOML（见 docs/data-format.md）")

MESSAGES: dict[ProblemCode, Words] = {
    # files and TOML
    "file.too_large": Words(
        "is {size_mb:.1f} MB, too large for a data file",
        "大小为 {size_mb:.1f} MB，作为数据文件过大",
        "a file of at most {limit_mb} MB",
        "不超过 {limit_mb} MB 的文件",
    ),
    "file.not_utf8": Words(
        "not UTF-8 text (byte {byte})",
        "不是 UTF-8 文本（第 {byte} 字节）",
        "a UTF-8 TOML file",
        "UTF-8 编码的 TOML 文件",
    ),
    "file.unreadable": Words("cannot be read: {error}", "无法读取：{error}"),
    "toml.malformed": _VALID_TOML._replace(en="malformed TOML: {error}", zh="TOML 格式错误：{error}"),
    "toml.too_deep": Words(
        "tables or arrays are nested too deeply to read",
        "表或数组嵌套过深，无法读取",
        "valid TOML nested a few levels deep (see docs/data-format.md)",
        "只嵌套几层的有效 TOML（见 docs/data-format.md）",
    ),
    "directory.unreadable": Words(
        "directory cannot be read: {error}", "目录无法读取：{error}", "a readable directory", "可读的目录"
    ),
    "file.unknown_kind": Words(
        "not a policytui data file: no {headers} table",
        "不是 policytui 数据文件：没有 {headers} 表",
        "a file as in docs/data-format.md",
        "符合 docs/data-format.md 的文件",
    ),
    "data_dir.missing": Words(
        "data directory does not exist",
        "数据目录不存在",
        "a directory or file of policy TOML",
        "政策 TOML 的目录或文件",
    ),
    "path.missing": Words(
        "no such file, or no .toml files in it",
        "没有这个文件，或其中没有 .toml 文件",
        "a policy TOML file or a directory",
        "政策 TOML 文件或目录",
    ),
    "file.skipped": Words("file skipped because of the errors above", "因上述错误，已跳过此文件"),
    "load.failed": Words("loading stopped: {error}", "加载中断：{error}"),
    "review.mark": Words(
        "open review mark: {mark}",
        "待核标记未处理：{mark}",
        "check the guess, then delete the 待核 line",
        "核对推测，然后删除这一行“待核”",
    ),
    "schema.unsupported": Words(
        "schema version '{version}' is not supported",
        "不支持 schema 版本“{version}”",
        "schema = {supported}",
        "schema = {supported}",
    ),
    # fields of any file
    "entries.none": Words(
        "no {header} entries",
        "没有 {header} 条目",
        "one or more {header} entries",
        "一个或多个 {header} 条目",
    ),
    "value.kind": Words("is a {found}", "类型为{found}"),
    "value.is": Words("is {value}", "为 {value}"),
    "key.unknown": Words("unknown key '{key}' is ignored", "未知的键“{key}”，已忽略"),
    "key.unknown.guess": Words(
        "unknown key '{key}' is ignored; did you mean '{guess}'?",
        "未知的键“{key}”，已忽略；是否想写“{guess}”？",
    ),
    "key.missing": Words("required key '{key}' is missing", "缺少必填的键“{key}”"),
    "text.too_long": Words(
        "is {length:,} characters long",
        "长达 {length:,} 个字符",
        "at most {limit:,} characters",
        "不超过 {limit:,} 个字符",
    ),
    "list.too_long": Words(
        "is too long", "过长", "at most {limit:,} characters in all", "总共不超过 {limit:,} 个字符"
    ),
    "value.invalid": Words("'{value}' is not a valid value", "“{value}”不是有效的值"),
    "value.empty": Words("is empty", "为空"),
    "value.not_allowed": Words("'{value}' is not allowed", "不允许“{value}”"),
    "text.controls_removed": Words(
        "control characters or terminal escape sequences removed",
        "已删除控制字符或终端转义序列",
        "plain text",
        "纯文本",
    ),
    "date.with_time": Words(
        "{value} is a date with a time of day",
        "{value} 是带时刻的日期",
        "a date alone, as YYYY-MM-DD",
        "只写日期，格式为 YYYY-MM-DD",
    ),
    "date.invalid": Words(
        "'{value}' is not a date", "“{value}”不是日期", "a date as YYYY-MM-DD", "YYYY-MM-DD 格式的日期"
    ),
    "number.float": Words(
        "{value} is a {found}; floats are inexact",
        "{value} 类型为{found}；浮点数不精确",
        'a decimal written as a string, such as "0.5", or a whole number',
        '写成字符串的小数（如 "0.5"），或整数',
    ),
    "number.invalid": Words(
        "'{value}' is not a number",
        "“{value}”不是数字",
        'a non-negative decimal such as "500"',
        '非负小数，如 "500"',
    ),
    "number.out_of_range": Words(
        "'{value}' is out of range",
        "“{value}”超出范围",
        "a figure of at most {digits} digits, between 1e-{exponent} and 1e{exponent}",
        "不超过 {digits} 位、介于 1e-{exponent} 与 1e{exponent} 之间的数字",
    ),
    "year.invalid": Words(
        "'{value}' is not a year", "“{value}”不是年份", "a year such as 2025", "年份，如 2025"
    ),
    # topics, policies, clauses
    "topic.again": Words(
        "topic '{topic}' is defined again; the first stays",
        "主题“{topic}”重复定义；保留第一个",
        "topic ids unique across files",
        "在所有文件中唯一的主题 id",
    ),
    "topic.unknown": Words("unknown topic '{topic}'", "未知主题“{topic}”"),
    "policy.missing": Words(
        "the [policy] table is missing", "缺少 [policy] 表", "a [policy] table", "一个 [policy] 表"
    ),
    "policy.duplicate": Words(
        "duplicate policy id '{policy}', already loaded from {first}",
        "政策 id“{policy}”重复，已从 {first} 加载",
        "a policy id not used by another file",
        "其他文件未使用的政策 id",
    ),
    "validity.before_start": Words(
        "{end} is before the start {start}",
        "{end} 早于开始日期 {start}",
        "an end date after the start date",
        "晚于开始日期的结束日期",
    ),
    "validity.invalid": Words(
        "'{value}' is not a date",
        "“{value}”不是日期",
        "YYYY-MM-DD, or YYYY-MM when the text gives only the month",
        "YYYY-MM-DD；原文只写到月份时用 YYYY-MM",
    ),
    "source.missing": Words(
        "source file {path} does not exist",
        "原文文件 {path} 不存在",
        "a path to the source text, relative to this file",
        "原文文本的路径，相对于本文件",
    ),
    "source.unreadable": Words(
        "cannot read {path}: {error}", "无法读取 {path}：{error}", "a UTF-8 text file", "UTF-8 文本文件"
    ),
    "text.not_verbatim": Words(
        "text is not verbatim from {source}; it departs at {departure}",
        "文本与 {source} 原文不一致，偏离处：{departure}",
        "the source's words exactly (only line breaks may differ)",
        "与原文逐字一致（仅换行可以不同）",
    ),
    "source.coverage": Words(
        "the texts quote only {coverage:.1%} of {source}",
        "各段文本只引用了 {source} 的 {coverage:.1%}",
        "at least {minimum:.0%} of the source quoted",
        "至少引用原文的 {minimum:.0%}",
    ),
    "clauses.too_many": Words(
        "{count:,} clauses are too many to load",
        "{count:,} 个条款过多，无法加载",
        "at most {limit:,} clauses in one file",
        "每个文件不超过 {limit:,} 个条款",
    ),
    "clause.duplicate": Words(
        "duplicate clause id '{id}'", "条款 id“{id}”重复", "ids unique in the policy", "在本政策内唯一的 id"
    ),
    "clause.parent_unknown": Words(
        "parent '{parent}' is not an earlier clause",
        "上级“{parent}”不是前面的条款",
        "the id of a clause above this one",
        "本条之前某一条款的 id",
    ),
    "clause.no_topics": Words("no topics", "没有主题", "at least one topic id", "至少一个主题 id"),
    "quote.not_in_clause": Words(
        "quote '{quote}' is not in the clause's text",
        "引文“{quote}”不在本条款的文本中",
        "a fragment of this clause's text",
        "本条款文本中的一段",
    ),
    "departments.none": Words("no departments", "没有部门", "the departments as printed", "原文所列的部门"),
    "qualifier.unknown": Words("unknown qualifier '{qualifier}'", "未知的限定词“{qualifier}”"),
    "amount.needs_value": Words(
        "a {role} needs a value",
        "{role} 需要 value",
        "a value (only an award promised with no figure may omit it)",
        "一个 value（只有未写明金额的奖励可以省略）",
    ),
    "amount.needs_unit": Words("a value needs its unit", "value 需要单位"),
    "amount.figure_not_in_quote": Words(
        "the figure {figure} does not appear in the quote '{quote}'",
        "数字 {figure} 没有出现在引文“{quote}”中",
        "the value and unit as printed in the quote",
        "引文中印出的数值和单位",
    ),
    "table.clause_unknown": Words(
        "no clause '{clause}'",
        "没有条款“{clause}”",
        "the id of a clause in this file",
        "本文件中某一条款的 id",
    ),
    "synonym.no_words": Words(
        "no words to search for",
        "没有要搜索的词",
        'one or more non-empty words, such as means = ["上市"]',
        '一个或多个非空的词，如 means = ["上市"]',
    ),
    "synonym.finds_nothing": Words(
        "none of {words} is in the text of any loaded policy: this synonym can find nothing",
        "{words} 都不在已加载政策的文本中：这个同义词什么也搜不到",
        "words as the policies print them, such as 上市",
        "政策原文中的写法，如 上市",
    ),
    # rules files
    "rules.none": Words("no rules", "没有规则", "one or more {header} entries", "一个或多个 {header} 条目"),
    "rules.again": Words(
        "{count} rule(s) defined again, the first definitions stay: {rules}",
        "{count} 条规则重复定义，保留最先的定义：{rules}",
        "rule ids unique across files",
        "在所有文件中唯一的规则 id",
    ),
    "rules.policy_skipped": Words(
        "its policy file {file} was skipped because of its errors",
        "其政策文件 {file} 因有错误被跳过",
        "that policy file fixed first",
        "先修正该政策文件",
    ),
    "rules.policy_unknown": Words("no loaded policy '{policy}'", "没有已加载的政策“{policy}”"),
    "rule.duplicate": Words(
        "duplicate rule id '{id}'", "规则 id“{id}”重复", "ids unique in the file", "在本文件内唯一的 id"
    ),
    "rule.clause_unknown": Words("no clause '{clause}' in {policy}", "{policy} 中没有条款“{clause}”"),
    "rule.text_not_in_clause": Words(
        "is not in the text of {clause}",
        "不在 {clause} 的文本中",
        "the cited sentence exactly as the clause prints it",
        "与条款原文完全一致的引句",
    ),
    "rule.applies_to_not_in_clause": Words(
        "is not in the text of {clause}",
        "不在 {clause} 的文本中",
        "a verbatim fragment of the clause",
        "条款原文中的一段",
    ),
    "rule.key_of_other_kind": Words(
        "a {kind} rule has no {key}",
        "{kind} 规则没有 {key}",
        "only the keys of a {kind} rule",
        "只写 {kind} 规则的键",
    ),
    "quote.not_in_policy": Words(
        "is not in the policy's text",
        "不在政策文本中",
        "a verbatim fragment of the policy",
        "政策原文中的一段",
    ),
    "quote.not_in_text_of": Words(
        "is not in the text of {clause}", "不在 {clause} 的文本中", "a fragment of the clause", "条款中的一段"
    ),
    "quote.not_in_rule": Words(
        "is not in the rule's text", "不在规则文本中", "a fragment of the rule's text", "规则文本中的一段"
    ),
    "choices.none": Words(
        "a choice needs its choices",
        "选项类型需要列出 choices",
        'a list such as ["national", "provincial"]',
        '列表，如 ["national", "provincial"]',
    ),
    "fact.twice": Words(
        "fact '{name}' is declared twice in this file",
        "事实“{name}”在本文件中声明了两次",
        "one [[facts]] entry per fact",
        "每个事实一个 [[facts]] 条目",
    ),
    "fact.type_clash": Words(
        "fact '{name}' is {type} here but {other_type} in {other_file}",
        "事实“{name}”在此为 {type}，在 {other_file} 中却为 {other_type}",
        "one meaning per fact name across rules files: another name, or the same type",
        "同一事实名称在各规则文件中含义一致：换个名称，或用相同类型",
    ),
    "fact.undeclared": Words(
        "fact '{name}' is not declared in this file",
        "事实“{name}”未在本文件中声明",
        'a [[facts]] entry: name = "{name}", type, label and label_en',
        '一个 [[facts]] 条目：name = "{name}"、type、label 和 label_en',
    ),
    "fact.declared_as": Words("fact '{name}' is declared as {type}", "事实“{name}”声明为 {type}"),
    "fact.declared_as_choices": Words(
        "fact '{name}' is declared as {type} with choices {choices}",
        "事实“{name}”声明为 {type}，选项为 {choices}",
    ),
    "input.duplicate": Words(
        "duplicate input '{name}'",
        "输入项“{name}”重复",
        "input names unique in the rule",
        "在本规则内唯一的输入项名称",
    ),
    "input.unknown": Words("'{name}' is not an input of the rule", "“{name}”不是本规则的输入项"),
    "input.not_money": Words(
        "'{name}' is not a money input of the rule",
        "“{name}”不是本规则的金额输入项",
        "the name of a money input",
        "金额输入项的名称",
    ),
    "condition.input_not_number": Words(
        "'{name}' is not a money or years input of the rule",
        "“{name}”不是本规则的金额或年数输入项",
        "the name of a money or years input",
        "金额或年数输入项的名称",
    ),
    "condition.op_disagrees": Words(
        "'{op}' disagrees with '{word}' in the quote",
        "“{op}”与引文中的“{word}”不符",
        'op = "{agrees}"',
        'op = "{agrees}"',
    ),
    "condition.value_not_in_quote": Words(
        "{figure} is not in the quote",
        "{figure} 不在引文中",
        "the figure as the quote prints it",
        "引文中印出的数字",
    ),
    "years.invalid": Words(
        "'{value}' is not a number of years",
        "“{value}”不是年数",
        "a whole number, 2 or more",
        "不小于 2 的整数",
    ),
    "years.missing": Words(
        "a multi-year award needs its years",
        "多年度奖励需要写明年数",
        "years = 3, as the text says",
        "按原文写 years = 3 等",
    ),
    "years.not_multi_year": Words(
        "years on a {period} award",
        "{period} 奖励写了 years",
        "years only with a multi-year period",
        "只有 multi-year 期限才写 years",
    ),
    "stacking.group_unknown": Words("no group '{name}' in this file", "本文件中没有分组“{name}”"),
    "profile_link.when_not_facts": Words(
        "is not a table of facts",
        "不是事实表",
        "when = {{ headquarters = true }}",
        "when = {{ headquarters = true }}",
    ),
    "profile_link.inputs_not_facts": Words(
        "is not a table of fact names",
        "不是事实名称表",
        'inputs = {{ level = "qualification" }}',
        'inputs = {{ level = "qualification" }}',
    ),
    "cases.none": Words(
        "no golden case: write a golden case",
        "没有黄金用例：请写一个",
        "[[rules.cases]] with inputs, eligible and amount_yuan, as the text gives them",
        "按原文写出含 inputs、eligible 和 amount_yuan 的 [[rules.cases]]",
    ),
    "case.inputs_not_strings": Words(
        "is not a table of strings",
        "不是字符串表",
        'inputs = {{ paid_in_capital = "2亿" }}',
        'inputs = {{ paid_in_capital = "2亿" }}',
    ),
    "case.eligible_missing": Words(
        "required true or false is missing",
        "缺少必填的 true 或 false",
        "eligible = true or false",
        "eligible = true 或 false",
    ),
    "case.ineligible_amount": Words(
        "an ineligible case gets 0",
        "不符合条件的用例金额为 0",
        'no amount_yuan, or "0"',
        '不写 amount_yuan，或写 "0"',
    ),
    "case.failed": Words(
        "golden case of {rule}{about}: got {got}", "{rule} 的黄金用例{about}：得到 {got}", "{want}", "{want}"
    ),
    # the kinds of rules and their figures
    "tiers.none": Words(
        "a {kind} rule needs its tiers",
        "{kind} 规则需要分档（tiers）",
        "one or more {header} entries",
        "一个或多个 {header} 条目",
    ),
    "tiers.gap": Words(
        "does not start where the tier before ends",
        "没有从上一档的终点开始",
        "tiers in order, each starting at the end of the one before",
        "各档依次排列，每档从上一档的终点开始",
    ),
    "tiers.empty": Words(
        "ends at {figure}, where it starts or below",
        "止于 {figure}，不高于其起点",
        "tiers from the lowest up, each ending above where it starts",
        "各档由低到高排列，每档的终点高于起点",
    ),
    "tiers.boundary_in_both": Words(
        "{figure} is in both tiers",
        "{figure} 同时属于两档",
        "the boundary in exactly one tier, as the text says",
        "按原文，分界点恰好属于其中一档",
    ),
    "tiers.boundary_in_neither": Words(
        "{figure} is in neither tier",
        "{figure} 不属于任何一档",
        "the boundary in exactly one tier, as the text says",
        "按原文，分界点恰好属于其中一档",
    ),
    "tiers.top_has_end": Words(
        "the top tier has an upper end",
        "最高一档有上限",
        "no `to` on the last tier (its figure applies above)",
        "最后一档不写 `to`（其数字适用于以上全部）",
    ),
    "rate.one_of": Words(
        "a rate rule needs one of rate and rates",
        "rate 规则需要 rate 或 rates 之一",
        'rate = {{ value = "1", unit = "%" }}, or rates by the rule\'s one choice input',
        'rate = {{ value = "1", unit = "%" }}，或按规则唯一的选项输入项给出 rates',
    ),
    "steps.difference_is_base": Words(
        "is the base itself", "与 base 相同", "a second money input", "另一个金额输入项"
    ),
    "figure.not_recorded": Words(
        "{clause} records no {role} of {figure} quoted in the rule's text",
        "{clause} 没有记录规则文本所引的 {role} {figure}",
        "a figure the policy file records for this clause, within the cited sentence",
        "政策文件为本条款记录的、位于所引句子内的数字",
    ),
    "figure.not_recorded.no_figure": Words(
        "{clause} records no {role} without a figure quoted in the rule's text",
        "{clause} 没有记录规则文本所引的无金额 {role}",
        "a figure the policy file records for this clause, within the cited sentence",
        "政策文件为本条款记录的、位于所引句子内的数字",
    ),
    "figures.none": Words(
        "'{key}' needs its figures",
        "“{key}”需要列出各项数字",
        "{key} = {{ national = " + _FIGURE_TABLE + ", ... }}",
        "{key} = {{ national = " + _FIGURE_TABLE + ", ... }}",
    ),
    "figures.choices_mismatch": Words(
        "the {key} do not match the rule's one choice input",
        "{key} 与规则唯一的选项输入项不对应",
        "one choice input whose choices are exactly the keys of {key}",
        "一个选项输入项，其选项恰好是 {key} 的键",
    ),
    "figure.not_table": Words("is not a table", "不是表", _FIGURE_TABLE, _FIGURE_TABLE),
    "bound.inclusive_missing": Words(
        "required true or false is missing",
        "缺少必填的 true 或 false",
        "inclusive = true where the text includes the figure, such as （含） or 及以上",
        "原文包含该数字时（如“（含）”“及以上”）写 inclusive = true",
    ),
    "bound.text_includes": Words(
        "the text includes {figure} ('{words}')",
        "原文包含 {figure}（“{words}”）",
        "inclusive = true",
        "inclusive = true",
    ),
    # firm profiles
    "profile.missing": Words(
        "the [profile] table is missing",
        "缺少 [profile] 表",
        "[profile] with the firm's name",
        "写有企业名称的 [profile]",
    ),
    "project.kind_unknown": Words("no rule for projects of kind '{kind}'", "没有适用于“{kind}”类项目的规则"),
    "facts.not_table": Words("is not a table", "不是表", "a table of facts", "事实表"),
    "fact.bad_name": Words(
        "'{name}' is not a fact name",
        "“{name}”不是事实名称",
        "a name of a-z, 0-9 and _",
        "由 a-z、0-9 和 _ 组成的名称",
    ),
    "fact.unused": Words(
        "no loaded rule uses the fact '{name}'; it is ignored", "已加载的规则都不使用事实“{name}”；已忽略"
    ),
    "fact.inexact": Words(
        "{value} cannot be read exactly",
        "{value} 无法精确读取",
        'true/false, a string such as "2亿", a whole number, or a list of strings',
        'true/false、字符串（如 "2亿"）、整数或字符串列表',
    ),
    "fact.wrong_type": Words(
        "{value} is not a {type} value for {name} ({label})", "{value} 不是 {name}（{label}）的 {type} 值"
    ),
}

EXPECTED: dict[Expected, Words] = {
    "string": Words("", "", "a string", "字符串"),
    "one_of": Words("", "", "one of {options}", "以下之一：{options}"),
    "true_or_false": Words("", "", "true or false", "true 或 false"),
    "table": Words("", "", "a table", "一个表"),
    "entries": Words("", "", "{header} entries", "{header} 条目"),
    "entry": Words("", "", "a {header} table", "一个 {header} 表"),
    "id": Words("", "", "an id of a-z, 0-9 and -", "由 a-z、0-9 和 - 组成的 id"),
    "policy_id": Words(
        "", "", "an id of a-z, 0-9 and -, such as wuxi-draft", "由 a-z、0-9 和 - 组成的 id，如 wuxi-draft"
    ),
    "rule_id": Words(
        "", "", "an id of a-z, 0-9 and -, such as hq-landing", "由 a-z、0-9 和 - 组成的 id，如 hq-landing"
    ),
    "clause_id": Words(
        "",
        "",
        "an id of a-z, 0-9, '.' and '-', such as m4 or p2.1",
        "由 a-z、0-9、“.”和“-”组成的 id，如 m4 或 p2.1",
    ),
    "name": Words(
        "",
        "",
        "a name of a-z, 0-9 and _, such as paid_in_capital",
        "由 a-z、0-9 和 _ 组成的名称，如 paid_in_capital",
    ),
    "chinese_name": Words("", "", "the Chinese name", "中文名称"),
    "english_name": Words("", "", "the English name", "英文名称"),
    "title": Words("", "", "the title as printed", "原文印刷的标题"),
    "city": Words("", "", "the city's Chinese name", "城市的中文名称"),
    "verbatim_text": Words("", "", "the verbatim text", "逐字照录的原文"),
    "standing_quote": Words(
        "", "", "the words that carry the departments forward, verbatim", "沿用这些部门的原文语句，逐字照录"
    ),
    "amount_quote": Words(
        "", "", "the verbatim fragment of the clause holding the figure", "条款中含该数字的原文片段"
    ),
    "table_clause": Words("", "", "the id of the table's clause", "表格所在条款的 id"),
    "indicator": Words("", "", "the indicator", "指标名称"),
    "printed_value": Words("", "", 'the value as printed, or "—"', '原文所印的数值，或 "—"'),
    "search_keywords": Words("", "", "a list of strings (search keywords)", "字符串列表（搜索关键词）"),
    "topic_ids": Words("", "", "a list of strings (topic ids)", "字符串列表（主题 id）"),
    "department_names": Words("", "", "a list of strings (department names)", "字符串列表（部门名称）"),
    "qualifiers": Words(
        "", "", "a list of strings (qualifiers as printed)", "字符串列表（原文所印的限定词）"
    ),
    "document_words": Words("", "", "a list of strings (words of the documents)", "字符串列表（文件中的词）"),
    "choice_values": Words("", "", "a list of strings (the values to choose from)", "字符串列表（可选的值）"),
    "profile_cities": Words(
        "", "", "a list of strings (the cities whose policies apply)", "字符串列表（适用其政策的城市）"
    ),
    "project_kinds": Words("", "", "a list of strings (project kinds)", "字符串列表（项目类型）"),
    "topic_id": Words("", "", "a topic id", "topics.toml 中的主题 id"),
    "topic_id_like": Words("", "", "a topic id such as {hint}", "主题 id，最接近的是 {hint}"),
    "synonym_term": Words("", "", "the word people type, such as IPO", "用户输入的词，如 IPO"),
    "rate_base": Words(
        "", "", "the name of the money input the rate applies to", "比例所适用的金额输入项名称"
    ),
    "steps_base": Words(
        "", "", "the name of the money input the steps apply to", "阶梯所适用的金额输入项名称"
    ),
    "difference_from": Words(
        "",
        "",
        "the name of a second money input: the amount already reached",
        "另一个金额输入项的名称：已达到的金额",
    ),
    "tier_quote": Words("", "", "the words that define the tier, verbatim", "界定该档的原文语句，逐字照录"),
    "figure": Words("", "", '{{ value = "500", unit = "万元" }}', '{{ value = "500", unit = "万元" }}'),
    "no_figure": Words("", "", "{{}} (an award with no figure)", "{{}}（未写明金额的奖励）"),
    "figure_value": Words("", "", 'a figure such as "500"', '数字，如 "500"'),
    "firm_name": Words("", "", "the firm's name", "企业名称"),
    "project_name": Words("", "", "the project's name", "项目名称"),
    "loaded_policy_id": Words("", "", "the id of a loaded policy", "已加载政策的 id"),
    "policy_file": Words(
        "",
        "",
        'the policy file with [policy] id = "{policy}" validated or loaded together with this file',
        '与本文件一起校验或加载的、[policy] id = "{policy}" 的政策文件',
    ),
    "policy_file_or_near": Words(
        "",
        "",
        'the policy file with [policy] id = "{policy}" validated or loaded together with this file,'
        ' or policy_id = "{near}"',
        '与本文件一起校验或加载的、[policy] id = "{policy}" 的政策文件，或 policy_id = "{near}"',
    ),
    "non_stacking_quote": Words(
        "", "", "the non-stacking sentence, verbatim", "不可叠加的原文语句，逐字照录"
    ),
    "group_name": Words("", "", "the group's name", "分组名称"),
    "group_reason": Words("", "", "why these awards cannot stack", "这些奖励不能叠加的原因"),
    "group_id": Words("", "", "the id of a [[groups]] entry", "某个 [[groups]] 条目的 id"),
    "group_id_of": Words(
        "", "", "the id of a [[groups]] entry: {groups}", "某个 [[groups]] 条目的 id：{groups}"
    ),
    "fact_label": Words("", "", "what the fact is, in Chinese", "该事实的中文说明"),
    "fact_label_en": Words("", "", "what the fact is, in English", "该事实的英文说明"),
    "local_clause_id": Words("", "", "the local id of a clause", "条款在本政策内的 id"),
    "a_clause_id": Words("", "", "a clause id", "条款 id"),
    "clause_id_like": Words("", "", "a clause id such as {hint}", "条款 id，如 {hint}"),
    "rule_text": Words("", "", "the sentence the rule rests on, verbatim", "规则所依据的原文语句，逐字照录"),
    "award_name": Words("", "", "the award's name, in the text's words", "奖励名称，用原文的说法"),
    "input_label": Words("", "", "what the input is, in the text's words", "输入项是什么，用原文的说法"),
    "input_name": Words("", "", "the name of an input", "输入项的名称"),
    "an_input_name": Words("", "", "an input name", "输入项名称"),
    "no_inputs": Words("", "", "no inputs", "无输入项"),
    "condition_quote": Words(
        "", "", "the words that set the threshold, verbatim", "规定门槛的原文语句，逐字照录"
    ),
    "note_quote": Words("", "", "the words of the note, verbatim", "说明的原文，逐字照录"),
    "project_kind": Words("", "", "a project kind such as core-tech", "项目类型，如 core-tech"),
    "used_fact": Words("", "", "a fact a rule uses", "某条规则使用的事实"),
    "used_fact_like": Words("", "", "a fact a rule uses, such as {hint}", "某条规则使用的事实，如 {hint}"),
    "fact_of_type": Words("", "", "a {want} fact", "{want} 类型的事实"),
    "choice_fact": Words(
        "", "", "a {want} fact whose choices include the rule's", "{want} 类型、选项包含本规则各选项的事实"
    ),
    "one_of_or_list": Words(
        "", "", "one of {options} (or a list of them)", "以下之一：{options}（或由它们组成的列表）"
    ),
    "money_string": Words("", "", 'money as a string, such as "2亿"', '写成字符串的金额，如 "2亿"'),
    "years_number": Words("", "", "a number of years", "年数"),
    "case_amount": Words(
        "",
        "",
        'the expected yuan as a string, or "unspecified"',
        '以字符串写出的预期金额（元），或 "unspecified"',
    ),
}

# A TOML value's kind by its Python type's name (core/schema._kind).
_KINDS: dict[str, Words] = {
    "str": Words("string", "字符串"),
    "int": Words("whole number", "整数"),
    "float": Words("float", "浮点数"),
    "bool": Words("boolean", "布尔值"),
    "list": Words("list", "列表"),
    "dict": Words("table", "表"),
    "date": Words("date", "日期"),
    "datetime": Words("date and time", "日期时间"),
    "time": Words("time of day", "时刻"),
}
_TOO_LONG = Words("a figure too long to print", "长得无法显示的数字")
# The input errors of a golden case the calculator words from the input and the value typed.
_VALUE_ERRORS = ("missing", "money", "fen", "years", "choice")

# What the TOML parser says (tomli, which is Python's tomllib; English only), in Chinese; one it says otherwise
# stays in its words.
_TOML_ERRORS = tuple(
    (re.compile(pattern), zh)
    for pattern, zh in (
        (r"Invalid value", "值无效"),
        (r"Invalid statement", "语句无效"),
        (r"Illegal character (?P<char>.+)", "非法字符 {char}"),
        (r"Found invalid character (?P<char>.+)", "无效字符 {char}"),
        (r"Unterminated string", "字符串没有结束引号"),
        (r"Unclosed array", "数组没有闭合"),
        (r"Unclosed inline table", "内联表没有闭合"),
        (r"Unescaped '\\' in a string", "字符串中的“\\”没有转义"),
        (r"Cannot overwrite a value", "不能覆盖已有的值"),
        (r"Cannot declare (?P<key>.+) twice", "{key} 重复声明"),
        (r"Cannot redefine namespace (?P<key>.+)", "不能重新定义表 {key}"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "不能修改已定义的表 {key}"),
        (r"Duplicate inline table key (?P<key>.+)", "内联表的键 {key} 重复"),
        (r"Invalid date or datetime", "日期或日期时间无效"),
        (r"Invalid initial character for a key part", "键的首字符无效"),
        (r"Expected '=' after a key in a key/value pair", "键后面应为“=”"),
        (r"Expected '\]' at the end of a table declaration", "表头应以“]”结束"),
        (r"Expected '\]\]' at the end of an array declaration", "表数组的表头应以“]]”结束"),
        (r"Expected newline or end of document after a statement", "语句之后应换行或结束"),
    )
)
_TOML_PLACE = re.compile(
    r"(?P<what>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)"
)


@dataclass(frozen=True, slots=True)
class WordedProblem:
    """A problem in one language: what a person reads (the validate line, the JSON's message)."""

    file: str  # made safe to print
    line: int | None
    where: str
    message: str
    expected: str
    severity: str


def worded(problem: Problem, lang: str) -> WordedProblem:
    """`problem`'s message and expectation in `lang`, each on one safe line."""
    words = MESSAGES[problem.code]
    expected = EXPECTED[problem.expected] if problem.expected is not None else words
    values = _worded_params(problem, lang)
    return WordedProblem(
        file=problem.shown_file,
        line=problem.line,
        where=problem.where,
        message=one_line(_pick(words, lang).format(**values)),
        expected=one_line(_pick(expected, lang, expected=True).format(**values)),
        severity=problem.severity,
    )


def problem_text(problem: Problem | WordedProblem, lang: str) -> str:
    """`file:line: where: message (expected …)` in `lang`."""
    item = worded(problem, lang) if isinstance(problem, Problem) else problem
    location = item.file if item.line is None else f"{item.file}:{item.line}"
    text = t("punct.colon", lang).join([location, *([item.where] if item.where else []), item.message])
    if item.expected:
        text += t("validate.expected", lang, expected=item.expected)
    return text


LOAD_REPEATS_SHOWN = 2  # of the load warnings of one kind in one file, before the rest are counted


def load_warnings(problems: Sequence[Problem], lang: str) -> list[str]:
    """The load problems as a look-up prints them: every error, and of warnings of one kind in
    one file (a draft rules file's 8 rules without golden cases) the first few, then how many
    more; `policytui validate` lists each. A look-up is not the place to review a file."""
    seen = Counter((p.file, p.code) for p in problems if p.severity == "warning")
    shown: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for problem in problems:
        kind = (problem.file, problem.code)
        counted = problem.severity == "warning" and seen[kind] > LOAD_REPEATS_SHOWN + 1
        shown[kind] += counted
        if not counted or shown[kind] <= LOAD_REPEATS_SHOWN:
            lines.append(t(f"cli.{problem.severity}", lang) + problem_text(problem, lang))
        elif shown[kind] == LOAD_REPEATS_SHOWN + 1:
            more = t("cli.more_warnings", lang, n=seen[kind] - LOAD_REPEATS_SHOWN, file=problem.shown_file)
            lines.append(t("cli.warning", lang) + more)
    return lines


def problem_line(problem: Problem | WordedProblem, lang: str) -> str:
    """`error: file:line: where: message (expected …)`, as validate and the load warnings print it."""
    return t(
        "validate.problem",
        lang,
        severity=t(f"validate.severity.{problem.severity}", lang),
        problem=problem_text(problem, lang),
    )


def case_words(params: Mapping[str, ProblemParam], lang: str) -> tuple[str, str]:
    """What a golden case got (or why its inputs could not be read) and what it expects, from
    its params (core/calc/cases.CaseOutcome.params), in the words of the rules file."""
    error, name = params.get("error"), params.get("input")
    if error in _VALUE_ERRORS:  # an input could not be read: the calculator's words, the input by its name
        got = t(f"calc.error.{error}", lang, field=name, value=params.get("value"), forms="")
    elif error:
        got = f"{name}: {error}"
    else:
        got = _case_result(params.get("got_eligible"), params.get("got_amount"), lang)
    return got.strip().rstrip("。."), _case_result(params.get("eligible"), params.get("amount"), lang)


def _case_result(eligible: ProblemParam, amount: ProblemParam, lang: str) -> str:
    if eligible is not True:
        return t("validate.case.not_eligible", lang)
    return t("validate.case.eligible", lang, amount=amount)


def _pick(words: Words, lang: str, expected: bool = False) -> str:
    if expected:
        return words.expected_en if lang == "en" else words.expected_zh
    return words.en if lang == "en" else words.zh


def _worded_params(problem: Problem, lang: str) -> dict[str, object]:
    """The params as a template takes them: lists joined, a TOML kind and an OS error worded,
    an English label in English, and a golden case's results worded."""
    params = problem.params
    values: dict[str, object] = {name: _param(value, lang) for name, value in params.items()}
    if "found" in params:
        kind = _KINDS.get(str(params["found"]))
        values["found"] = _pick(kind, lang) if kind else params["found"]
    errno = params.get("errno")
    if errno and f"os.{errno}" in STRINGS:
        values["error"] = t(f"os.{errno}", lang)
    if lang == "en" and "label_en" in params:
        values["label"] = params["label_en"]
    headers = params.get("headers")
    if isinstance(headers, tuple) and len(headers) > 1:
        values["headers"] = t("problems.or", lang, first=_joined(headers[:-1], lang), last=headers[-1])
    if problem.code == "toml.malformed" and lang == "zh":
        values["error"] = _toml_error_zh(str(params.get("error", "")))
    if problem.code == "case.failed":
        about = params.get("about")
        values["about"] = t("punct.notes", lang, notes=about) if about else ""
        values["got"], values["want"] = case_words(params, lang)
    return values


def _toml_error_zh(error: str) -> str:
    """tomli's message in Chinese: "Invalid value (at line 3, column 8)" → "第 3 行第 8 列：值无效"."""
    place = _TOML_PLACE.fullmatch(error)
    what = place["what"] if place else error
    for pattern, zh in _TOML_ERRORS:
        match = pattern.fullmatch(what)
        if match is not None:
            what = zh.format(**match.groupdict())
            break
    if place is None:
        return what
    return f"第 {place['line']} 行第 {place['column']} 列：{what}" if place["line"] else f"文件末尾：{what}"


def _param(value: ProblemParam, lang: str) -> object:
    if value is None:
        return _pick(_TOO_LONG, lang)
    if isinstance(value, tuple):
        return _joined(value, lang)
    return value


def _joined(items: tuple[str, ...], lang: str) -> str:
    return t("punct.list", lang).join(items)
