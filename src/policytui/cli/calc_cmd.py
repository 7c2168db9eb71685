"""`policytui calc`: list the rules, or compute one award with its steps, citation and warnings.

policytui calc --list [--json]
policytui calc RULE_ID [NAME=VALUE ...] [--json] [--markdown] [--as-of DATE]
policytui calc RULE_ID [NAME=VALUE ...] --sweep NAME=FROM..TO [--json]
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, console, fail, load, not_found, print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.calc.engine import CalcResult
    from policytui.core.calc.rules import Rule
    from policytui.core.calc.sweep import Sweep
    from policytui.core.model import Library


class UsageError(Exception):
    """Bad command-line input: one line for stderr, exit code 2."""


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("calc", parents=parents, help=t("help.calc", lang), lang=lang)
    parser.add_argument("rule_id", nargs="?", metavar="RULE_ID", help=t("help.calc.rule_id", lang))
    parser.add_argument("assignments", nargs="*", metavar="NAME=VALUE", help=t("help.calc.assignments", lang))
    parser.add_argument("--list", action="store_true", help=t("help.calc.list", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.add_argument("--markdown", action="store_true", help=t("help.calc.markdown", lang))
    parser.add_argument("--sweep", metavar="NAME=FROM..TO", help=t("help.calc.sweep", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.i18n import t

    if not args.list and not args.rule_id:
        return fail(t("calc.cli.need_rule", args.lang), lang=args.lang)
    library = load(args)
    if args.list:
        return _list(library, args)
    from policytui.core.calc.inputs import InputError
    from policytui.render.calc.wording import choice_aliases, error_text

    try:
        rule = _rule(library, args.rule_id, args.lang)
        raw = _assignments(args.assignments, rule, args.lang)
        if args.sweep:
            return _sweep(library, rule, raw, args)
        from policytui.core.calc.engine import calculate

        result = calculate(library, rule, raw, as_of(args), choice_aliases)
    except InputError as error:
        return fail(error_text(error, args.lang), lang=args.lang)
    except (UsageError, ValueError) as error:
        return fail(str(error), lang=args.lang)
    if args.json:
        from policytui.render.calc.serialize import result_json

        print_json(result_json(result, args.lang))
    elif args.markdown:
        from policytui.render.calc.markdown import result_markdown

        sys.stdout.write(result_markdown(result, args.lang))
    else:
        print_result(result, args.lang)
    return 0


def _rule(library: Library, query: str, lang: str) -> Rule:
    from policytui.core.lookup import find_rule
    from policytui.i18n import t

    found = find_rule(library, query)
    if found.item is None:
        raise UsageError(
            not_found(
                found,
                query,
                t("calc.cli.unknown_rule", lang, query=query),
                t("calc.cli.see_list", lang),
                lang,
            )
        )
    return found.item


def _assignments(items: list[str], rule: Rule, lang: str) -> dict[str, str]:
    from policytui.i18n import t

    raw: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            inputs = ", ".join(f"{i.name}=…" for i in rule.inputs) or t("calc.none", lang)
            raise UsageError(t("calc.cli.not_assignment", lang, item=item, rule=rule.id, inputs=inputs))
        if name.strip() in raw:
            raise UsageError(t("calc.cli.repeated_input", lang, name=name.strip()))
        raw[name.strip()] = value
    return raw


def _list(library: Library, args: argparse.Namespace) -> int:
    from policytui.core.status import policy_status
    from policytui.render.calc.serialize import rule_json

    rules = list(library.rules.values())
    statuses = {pid: policy_status(policy, as_of(args)) for pid, policy in library.policies.items()}
    if args.json:
        print_json([rule_json(rule) | {"status": statuses[rule.policy_id].as_json()} for rule in rules])
        return 0
    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import t
    from policytui.render.fitted_table import record_block, table_or_blocks
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import badge_list, status_cell

    lang = args.lang
    headers = [
        t(key, lang) for key in ("calc.label.rule", "calc.label.clause", "field.status", "calc.list.kind")
    ]
    inputs_header = t("calc.list.inputs", lang)
    table = Table(box=None, pad_edge=False)
    table.add_column(t("calc.list.id", lang), no_wrap=True)
    for header in [*headers, inputs_header]:
        table.add_column(wrapped(header))
    blocks = []
    for rule in rules:
        status = statuses[rule.policy_id]
        style = "" if status.usable else "red"
        inputs = [
            f"{i.name}: {'|'.join(i.choices) if i.choices else _unit_words(i.unit, lang)}"
            for i in rule.inputs
        ]
        name, clause, kind = (
            wrapped(rule.display_name(lang)),
            Text(rule.clause_id),
            wrapped(t(f"calc.kind.{rule.kind}", lang)),
        )
        table.add_row(
            Text(rule.id, style="bold"),
            name,
            clause,
            status_cell(status, lang, style),
            kind,
            wrapped(", ".join(inputs) or "—", style="cyan"),  # piped, a row is a line
        )
        head = kept_together(
            Text(rule.id, style="bold"), *(Text(b, style=style) for b in badge_list(status, lang))
        )
        details = [(headers[0], name), (headers[1], clause), (headers[3], kind)]
        if inputs:
            details.append((inputs_header, wrapped("\n".join(inputs), style="cyan")))  # one a line
        blocks.append(record_block(head, details, [*headers, inputs_header]))
    out = console(listing=True)
    table_or_blocks(out, table, blocks)
    return 0


# The units a rule's input is counted in, as the rule files write them
UNIT_KEYS = {"元": "calc.list.unit.money", "年": "calc.list.unit.years"}


def _unit_words(unit: str | None, lang: str) -> str:
    from policytui.i18n import t

    return t(UNIT_KEYS[unit], lang) if unit in UNIT_KEYS else unit or ""


def print_result(result: CalcResult, lang: str) -> None:
    from policytui.render.calc.rich_views import result_view

    console().print(result_view(result, lang))


def _sweep(library: Library, rule: Rule, raw: dict[str, str], args: argparse.Namespace) -> int:
    from policytui.core.calc.inputs import parse_inputs, parse_number
    from policytui.core.calc.sweep import sweep, sweepable
    from policytui.i18n import t
    from policytui.render.calc.wording import choice_aliases

    name, sep, span = args.sweep.partition("=")
    low, dots, high = span.partition("..")
    if name not in sweepable(rule):
        choices = ", ".join(sweepable(rule)) or t("calc.none", args.lang)
        raise UsageError(t("calc.cli.not_sweepable", args.lang, name=name, rule=rule.id, inputs=choices))
    if not sep or not dots:
        raise UsageError(t("calc.cli.sweep_form", args.lang, value=args.sweep))
    spec = rule.spec(name)
    start, stop = parse_number(spec, low), parse_number(spec, high)
    values, errors = parse_inputs(rule, raw, choice_aliases)
    errors.pop(name, None)
    if errors:
        raise next(iter(errors.values()))
    result = sweep(library, rule, values, name, start, stop, as_of(args))
    if args.json:
        from policytui.render.calc.serialize import sweep_json

        print_json(sweep_json(result, args.lang))
        return 0
    _print_sweep(result, args.lang)
    return 0


LABEL_GAP = 2  # spaces kept between the chart's two axis labels


def _within(line: str, width: int) -> str:
    """A chart line in `width` cells: plotext counts a Chinese character as one cell, so its
    line of axis labels (奖补（万元） … 实收注册资本（亿元）) can be wider; the padding at its end
    goes, then the gap between the labels gives way."""
    from rich.cells import cell_len

    padded = re.fullmatch(r"(.*?) *((?:\x1b\[[0-9;]*m)*)", line, re.S)
    if padded is None:  # (never: both parts may be empty)
        return line
    body, colours = padded.groups()
    excess = cell_len(re.sub(r"\x1b\[[0-9;]*m", "", body)) - width  # colours take no cell
    gaps = sorted(re.finditer(f" {{{LABEL_GAP + 1},}}", body), key=lambda gap: len(gap.group()))
    if excess > 0 and gaps and len(gaps[-1].group()) - excess >= LABEL_GAP:
        widest = gaps[-1]
        body = body[: widest.start()] + " " * (len(widest.group()) - excess) + body[widest.end() :]
    return body + colours


def _print_sweep(result: Sweep, lang: str) -> None:
    import plotext as plt
    from rich.text import Text

    from policytui.i18n import t
    from policytui.render.calc.chart import draw_sweep, jump_lines
    from policytui.render.calc.wording import warnings
    from policytui.render.rich_text import bullets, wrapped

    out = console()
    draw_sweep(plt, result, lang)
    plt.plotsize(min(out.width, 100), 20)
    plt.theme("clear")
    chart = plt.build()
    if not out.is_terminal:  # a file gets neither colours nor the chart's padding
        chart = "\n".join(line.rstrip() for line in plt.uncolorize(chart).splitlines())
    sys.stdout.write("\n".join(_within(line, out.width) for line in chart.split("\n")) + "\n")
    for line in jump_lines(result, lang):
        out.print(wrapped(line))
    out.print(bullets(warnings(result.points[-1][1], lang), bullet="⚠", style="yellow"))
    paid = [r for _, r in result.points if r.eligible and r.amount_yuan]
    if paid and all(r.upper_bound for r in paid):  # an exact rate below its cap is no ceiling
        out.print(Text(t("calc.cli.sweep_bound", lang), style="dim"))
