"""A draft rules file for the awards whose pattern is unambiguous, each marked for review.

Only the kinds the rules reader knows and only clear sentences: one award (fixed), awards
paired with 国家级/省级 or with a list of grades (by-level), one rate on a named base with at
most one cap (rate), on the part above a line (above) or for firms past a line (a condition),
a rate for each year (rates by year), an award or a rate paid for N years (years), tiers of a
base each with its rate (tiered-rate, in one sentence or in the clause's sentences together),
steps listed with their awards (达到1亿元、5亿元…分别给予…: stepped), support promised
without a figure (unspecified), and a group of the text's own where a clause says its awards
do not stack. No golden case is written: the person writes them; until then validate warns.
"""

from __future__ import annotations

import re

from policytui.core.importer.figures import FIGURE, STACKING_WORDS
from policytui.core.importer.labels import read_label
from policytui.core.importer.records import DraftAmount, DraftClause, Mark, Wording, mark
from policytui.core.importer.toml_writer import TomlLines
from policytui.core.money import parse_money
from policytui.core.vocabulary import LINE_INCLUDED_MARKS

# The money a rule reads, by the words of its label: the names the bundled rules and profiles use.
_INPUT_NAMES = (
    ("研发投入", "rd_spending"),
    ("研发费用", "rd_spending"),
    ("营业收入", "revenue"),
    ("主营业务收入", "revenue"),
    ("实收注册资本", "paid_in_capital"),
    ("注册资本", "registered_capital"),
    ("投资额", "investment"),
    ("租金", "rent"),
    ("个人所得税", "income_tax"),
    ("经济贡献", "contribution"),
)
# The year a rate is for: 当年 or 首年 is the first; 第2年, 第三年 …
_YEAR = r"(?:当年|首年|第(?P<nth>[一二三四五1-5])年)"
_YEAR_KEYS = ("first-year", "second-year", "third-year", "fourth-year", "fifth-year")
# The sentence's opening 对…， or …的企业， (获得CMMI三级（含）以上认证的企业，给予…)
_WHO = re.compile(
    r"对(?P<who>[^，,；;。]+?)[，,]|(?P<bare>[^，,；;。]+?(?:的|企业|人才|团队|单位|机构))[，,]"
)
WHO_IN_NAME_MAX = 14  # a longer who (with its figures) makes a name no one reads
_LEVEL_LABELS = {"national": "国家级", "provincial": "省级", "municipal": "市级"}
# A drafted rule: its kind, its fields, and its inputs as (name, type, label, choices); a
# label is the text's words, or a Mark where the tool words it.
DraftRule = tuple[str, dict[str, object], list[tuple[str, str, str | Mark, list[str]]]]


def draft_rules(
    policy_id: str, clauses: list[DraftClause], words: Wording, lang: str
) -> tuple[TomlLines | None, int]:
    """(the rules file, how many rules), or (None, 0) when no award has a clear pattern."""
    out = TomlLines(words, lang)
    out.note(mark("import.file.rules", id=policy_id))
    out.key("schema", 1)
    out.key("policy_id", policy_id)
    count = 0
    for clause in clauses:
        drafts = _drafts(clause)
        group = _group(out, clause) if len(drafts) >= 2 else ""
        for n, sentence, figures, (kind, fields, inputs) in drafts:
            count += 1
            out.header("rules", array=True)
            rule_id = f"{clause.id.replace('.', '-')}-{n}"
            marks = [mark("import.mark.rule", kind=kind)]
            if "difference_from" in fields:
                marks.append(mark("import.mark.rule_difference"))
            out.key("id", rule_id, marks, where=f"rules.{rule_id}")
            cited = _cited(sentence, clause.label, figures)
            who = _who(cited)
            out.key("clause", clause.id)
            out.key("name", _name(clause, figures, who))
            out.key("kind", kind)
            out.key("text", cited)
            if who:
                out.key("applies_to", who)
            if group:
                out.key("stacking", group)
            tables = {key: value for key, value in fields.items() if isinstance(value, list)}
            for key, value in fields.items():
                if key not in tables:
                    out.key(key, value)
            for key, entries in tables.items():  # [[rules.tiers]], one table each
                for entry in entries:
                    out.header(f"rules.{key}", array=True)
                    for name, value in entry.items():
                        out.key(name, value)
            for name, input_type, label, choices in inputs:
                out.header("rules.inputs", array=True)
                out.key("name", name)
                out.key("type", input_type)
                out.key("label", label if isinstance(label, str) else words(label))
                if choices:
                    out.key("choices", choices)
    return (out, count) if count else (None, 0)


def _group(out: TomlLines, clause: DraftClause) -> str:
    """A group for the clause's awards where it says they do not stack (同一企业按最高等级给予
    奖励，不重复支持): the text's own words, so not the tool's reading (interpretation = false),
    marked for review. Its id, or "" where the clause says nothing of the kind. A sentence about
    other policies (符合本市多项政策的，按照就高不重复原则执行) makes none: they are not loaded."""
    sentence = next(
        (
            s.strip()
            for s in re.split(r"(?<=[。；;])", clause.text)
            if STACKING_WORDS.search(s) and "政策" not in s
        ),
        "",
    )
    if not sentence:
        return ""
    group_id = f"{clause.id.replace('.', '-')}-highest"
    out.header("groups", array=True)
    out.key("id", group_id, [mark("import.mark.group")], where=f"groups.{group_id}")
    out.key("name", sentence.rstrip("。；;"))
    out.key("reason", out.words(mark("import.group.reason")))
    out.key("interpretation", False)
    out.key("quote", sentence)
    return group_id


def _drafts(clause: DraftClause) -> list[tuple[int, str, list[DraftAmount], DraftRule]]:
    """(number, sentence, figures, rule) for each sentence of the clause with a clear pattern;
    or one for the whole clause when its sentences together make tiers (500万元（含）至2000万元
    的，按5%；2000万元及以上的，按8%) that none makes alone."""
    grouped: dict[str, list[DraftAmount]] = {}
    for amount in clause.amounts:
        grouped.setdefault(amount.sentence, []).append(amount)
    drafts = [
        (n, sentence, figures, rule)
        for n, (sentence, figures) in enumerate(grouped.items(), start=1)
        if (rule := _rule(figures, clause.text)) is not None
    ]
    if not drafts and len(grouped) > 1:
        whole = _rule(list(clause.amounts), clause.text)
        if whole is not None and whole[0] == "tiered-rate":
            return [(1, "".join(grouped), list(clause.amounts), whole)]
    return drafts


def _who(cited: str) -> str:
    """Who qualifies, verbatim (对新引进的高级人才，… gives 新引进的高级人才), or "" where the
    sentence does not open with one (对其研发投入超过500万元的部分 names a base, not a who), or
    where it holds a figure: the rule works that line out, so it is not to be taken as met."""
    match = _WHO.match(_without_label(cited))
    who = match and (match.group("who") or match.group("bare"))
    return who if who and not who.endswith("部分") and not FIGURE.search(who) else ""


def _name(clause: DraftClause, figures: list[DraftAmount], who: str) -> str:
    """The award's name in the text's words: its subject, with the clause's title when that is
    bare (奖励), else with who qualifies when that is short (新引进的高级人才奖励)."""
    named = [
        a.subject
        for role in ("award", "rate", "cap")
        for a in figures
        if a.role == role and a.subject != a.base
    ]  # a rate named after its base names nothing
    subject = named[0] if named else figures[0].subject
    if len(subject) <= 2 and clause.title:  # 奖励 under the title 营收跨档奖励 adds nothing
        return clause.title if clause.title.endswith(subject) else clause.title + subject
    if len(subject) <= 5 and not clause.title and who and len(who) <= WHO_IN_NAME_MAX:
        return who.removesuffix("的") + subject
    return subject or clause.id


def _figure(amount: DraftAmount) -> dict[str, str]:
    return {"value": amount.value or "", "unit": amount.unit or ""}


def _rule(figures: list[DraftAmount], clause_text: str) -> DraftRule | None:
    """(kind, fields, inputs) for a clear pattern, else None; the money input is named after
    what it is (revenue=6亿 reads better than base=6亿, and is the name a profile's fact has)."""
    rule = _pattern(figures, clause_text)
    if rule is None or "base" not in rule[1]:
        return rule
    kind, fields, inputs = rule
    label = next(str(label) for name, _, label, _ in inputs if name == "base")
    name = next((name for word, name in _INPUT_NAMES if word in label), "base")
    renamed = {"base": name, "rewarded_base": f"rewarded_{name}"}
    named: dict[str, object] = {}
    for key, value in fields.items():
        if key == "conditions" and isinstance(value, list):
            named[key] = [condition | {"input": name} for condition in value]
        else:
            named[key] = renamed.get(value, value) if isinstance(value, str) else value
    return kind, named, [(renamed.get(n, n), kind_, text, choices) for n, kind_, text, choices in inputs]


def _pattern(figures: list[DraftAmount], clause_text: str) -> DraftRule | None:
    """(kind, fields, inputs) for a clear pattern, else None."""
    roles = [a.role for a in figures]
    if roles == ["award"] and figures[0].value is None:
        return "unspecified", {"award": {}}, []
    if any(a.value is None for a in figures):
        return None
    if any(a.period == "multi-year" for a in figures):
        return _multi_year(figures)
    if roles == ["award"]:
        return "fixed", {"award": _figure(figures[0])}, []
    levels = [a.level for a in figures if a.level]
    if set(roles) == {"award"} and len(figures) >= 2 and len(set(levels)) == len(levels) == len(figures):
        label = "、".join(_LEVEL_LABELS[level] for level in levels)
        return (
            "by-level",
            {"awards": {level: _figure(a) for level, a in zip(levels, figures, strict=True)}},
            [("level", "choice", label, levels)],
        )
    grades = _grades(figures)
    if grades:
        awards = {grade: _figure(a) for grade, a in zip(grades, figures, strict=True)}
        return "by-level", {"awards": awards}, [("grade", "choice", "、".join(grades), grades)]
    if roles in (["rate"], ["rate", "cap"]) and figures[0].base:
        fields: dict[str, object] = {"base": "base", "rate": _figure(figures[0])}
        if len(figures) == 2:
            fields["cap"] = _figure(figures[1])
        return "rate", fields, [("base", "money", figures[0].base, [])]
    return (
        _rate_past_a_line(figures)
        or _stepped(figures, clause_text)
        or _rates_by_year(figures)
        or _tiered(figures)
    )


def _grades(figures: list[DraftAmount]) -> list[str]:
    """The grades three or more awards are paired with, 分别 (对通过CMMI3级、4级、5级评估的，
    分别给予10万元、20万元、30万元奖励: CMMI3级, 4级, 5级), or []. The items between the
    first and the last give their length and last character (级, 奖), which cut the first
    and the last from the words around them; a list that does not agree is no list."""
    n = len(figures)
    sentence = figures[0].sentence
    end = sentence.find(figures[0].quote)
    if n < 3 or any(a.role != "award" for a in figures) or "分别" not in sentence or end < 0:
        return []
    lists = list(re.finditer(rf"(?:[^、，,；;。：:\s]+、){{{n - 1}}}[^、，,；;。：:\s]+", sentence[:end]))
    if not lists:
        return []
    items = lists[-1].group().split("、")
    inner = items[1:-1]
    size, last = len(inner[0]), inner[0][-1]
    if any(len(item) != size or item[-1] != last for item in inner) or FIGURE.search(lists[-1].group()):
        return []
    first = re.search(rf"[A-Za-z0-9]*\S{{{size}}}$", items[0])  # 3级 with its CMMI before it
    grades = [first.group() if first else "", *inner, items[-1][:size]]
    return grades if all(g.endswith(last) for g in grades) and len(set(grades)) == n else []


def _rates_by_year(figures: list[DraftAmount]) -> DraftRule | None:
    """A rate for each year, named before it (纳统当年按其营业收入的1%、第2年按0.5%), with at
    most one cap: `rates` keyed by the year, chosen by a `year` input."""
    rates = [a for a in figures if a.role == "rate"]
    caps = [a for a in figures if a.role == "cap"]
    if len(rates) < 2 or len(caps) > 1 or len(rates) + len(caps) != len(figures) or not rates[0].base:
        return None
    sentence = figures[0].sentence
    years = []
    for rate in rates:
        # the nearest year word before the figure: no other year or figure between them
        said = re.search(rf"{_YEAR}[^，,；;。%年]{{0,15}}(?<![\d.]){re.escape(rate.value or '')}%", sentence)
        if said is None:
            return None
        years.append(1 if said.group("nth") is None else int(parse_money(said.group("nth"))))
    if len(set(years)) != len(years) or max(years) > len(_YEAR_KEYS):
        return None
    keys = [_YEAR_KEYS[n - 1] for n in years]
    fields: dict[str, object] = {"base": "base", "rates": dict(zip(keys, map(_figure, rates), strict=True))}
    if caps:
        fields["cap"] = _figure(caps[0])
    year = ("year", "choice", mark("import.label.year"), keys)
    return "rate", fields, [year, ("base", "money", rates[0].base, [])]


def _multi_year(figures: list[DraftAmount]) -> DraftRule | None:
    """One award or one rate (with at most a cap) paid for each of N years (连续支持3年):
    `years`, and the figure's own period, multi-year, from the policy file."""
    years = {a.years for a in figures if a.period == "multi-year"}
    roles = [a.role for a in figures]
    count = years.pop() if len(years) == 1 else None
    if count is None or count < 2:  # 连续1年 is no multi-year award: a reader would refuse years = 1
        return None
    if roles == ["award"]:
        return "fixed", {"award": _figure(figures[0]), "years": count}, []
    if roles in (["rate"], ["rate", "cap"]) and figures[0].base and figures[0].period == "multi-year":
        fields: dict[str, object] = {"base": "base", "rate": _figure(figures[0]), "years": count}
        if len(figures) == 2:
            fields["cap"] = _figure(figures[1])
        return "rate", fields, [("base", "money", figures[0].base, [])]
    return None


def _rate_past_a_line(figures: list[DraftAmount]) -> DraftRule | None:
    """A rate for firms past a line (超过5亿元的企业，按其…的0.5%: a condition), or on the
    part of the base above it (对其营业收入超过2000万元的部分，按1%: `above`); at most one cap."""
    lines = [a for a in figures if a.role == "threshold"]
    rates = [a for a in figures if a.role == "rate"]
    caps = [a for a in figures if a.role == "cap"]
    if not lines or len(rates) != 1 or len(caps) > 1 or len(lines) + 1 + len(caps) != len(figures):
        return None
    rate = rates[0]
    if not rate.base or figures.index(rate) < figures.index(lines[-1]):
        return None
    fields: dict[str, object] = {"base": "base", "rate": _figure(rate)}
    part = lines[-1]
    if rate.base.endswith("的部分") and part.value and part.value in rate.base:
        # the line the part starts from; the same line for the firm (超过2000万元的企业) adds nothing
        fields["above"] = _bound(part)
        label = rate.base[: rate.base.index(part.value)].removesuffix("超过").removesuffix("超")
        lines = [a for a in lines[:-1] if (a.value, a.unit) != (part.value, part.unit)]
    else:
        label = rate.base
    if len(lines) > 1:
        return None
    if lines:
        fields["conditions"] = [_condition(lines[0])]
    if caps:
        fields["cap"] = _figure(caps[0])
    return "rate", fields, [("base", "money", label, [])]


def _condition(line: DraftAmount) -> dict[str, str]:
    """The line as a condition on the base: 超过 is >, 不低于 and 以上 are >=, as the words say."""
    op = ">=" if _bound(line)["inclusive"] else ">"
    return {"input": "base", "op": op} | _figure(line) | {"quote": line.quote}


def _stepped(figures: list[DraftAmount], clause_text: str) -> DraftRule | None:
    """Steps listed with as many awards, 分别 (达到1亿元、5亿元、10亿元的，分别给予20万元、
    50万元、100万元): the award of the highest step reached. With 奖励差额 (a firm moving up is
    paid the difference), a second input: the base when a step was last rewarded."""
    steps = [a for a in figures if a.role == "threshold"]
    awards = [a for a in figures if a.role == "award"]
    if len(steps) < 2 or len(steps) != len(awards) or 2 * len(steps) != len(figures):
        return None
    sentence = figures[0].sentence
    if "分别" not in sentence or figures.index(awards[0]) < figures.index(steps[-1]):
        return None
    # 分别 pairs them in the printed order; the tiers go from the lowest step up (10亿元、5亿元、1亿元)
    pairs = sorted(
        zip(steps, awards, strict=True), key=lambda pair: parse_money(f"{pair[0].value}{pair[0].unit}")
    )
    tiers = []
    for n, (step, award) in enumerate(pairs):
        tier: dict[str, object] = {"from": _bound(step), "award": _figure(award), "quote": step.quote}
        if n + 1 < len(pairs):
            above = pairs[n + 1][0]
            tier["to"] = _figure(above) | {"inclusive": not _bound(above)["inclusive"]}
        tiers.append(tier)
    words = steps[0].quote.split(steps[0].value or "")[0]  # （一）对年营业收入首次达到
    label = re.sub(r"^对其?|首次|达到$|突破$|超过$|超$", "", _without_label(words))
    inputs: list[tuple[str, str, str | Mark, list[str]]] = [("base", "money", label, [])]
    fields: dict[str, object] = {"base": "base"}
    if "差额" in clause_text:  # 对进档的企业，奖励差额部分: often a sentence of its own
        fields["difference_from"] = "rewarded_base"
        inputs.append(("rewarded_base", "money", mark("import.label.rewarded", label=label), []))
    return "stepped", fields | {"tiers": tiers}, inputs


def _cited(sentence: str, label: str, figures: list[DraftAmount]) -> str:
    """The sentence a rule cites, without the item's label (第三条) unless a figure's quote holds it."""
    bare = sentence.removeprefix(label).strip()
    return bare if all(a.quote in bare for a in figures) else sentence


def _tiered(figures: list[DraftAmount]) -> DraftRule | None:
    """A stepped award: tiers of the base (X（含）至Y、…、Z及以上) and as many rates, then a cap."""
    thresholds = [a for a in figures if a.role == "threshold"]
    rates = [a for a in figures if a.role == "rate"]
    caps = [a for a in figures if a.role == "cap"]
    if len(thresholds) + len(rates) + len(caps) != len(figures) or len(caps) > 1 or not rates:
        return None
    bounds: list[list[DraftAmount]] = []  # [lower] or [lower, upper] per tier
    for threshold in thresholds:
        if bounds and len(bounds[-1]) == 1 and bounds[-1][0].opens_range:
            bounds[-1].append(threshold)
        else:
            bounds.append([threshold])
    if (
        len(bounds) < 2
        or len(bounds) != len(rates)
        or any(len(b) == 1 for b in bounds[:-1])
        or not rates[0].base
    ):
        return None
    tiers = []
    for bound, rate in zip(bounds, rates, strict=False):
        tier = {"from": _bound(bound[0]), "rate": _figure(rate), "quote": bound[0].quote}
        if len(bound) == 2:
            tier["to"] = _bound(bound[1])
        tiers.append(tier)
    fields: dict[str, object] = {"base": "base"}
    if caps:
        fields["cap"] = _figure(caps[0])
    return "tiered-rate", fields | {"tiers": tiers}, [("base", "money", rates[0].base, [])]


def _without_label(text: str) -> str:
    label = read_label(text)
    return label.rest if label is not None else text


def _bound(amount: DraftAmount) -> dict[str, object]:
    """The line as the words draw it: 达到, 不低于, 以上 and （含） take the figure in; 超过 does not."""
    inclusive = any(q in amount.qualifiers for q in LINE_INCLUDED_MARKS)
    return _figure(amount) | {"inclusive": inclusive}
