"""`policytui estimate PROFILE.toml`: every award a firm's profile meets, both totals, set-aside items.

    policytui estimate PROFILE.toml [--json] [--markdown] [--as-of DATE]
    policytui estimate --example      # print the shipped example profile, to copy and edit
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policytui.cli.common import as_of, console, fail, load, print_json


def register(subparsers, parents) -> None:
    parser = subparsers.add_parser("estimate", parents=parents,
                                   help="estimate every award a firm's profile meets, with and without stacking")
    parser.add_argument("profile", nargs="?", metavar="PROFILE.toml", help="the firm's facts (see --example)")
    parser.add_argument("--example", action="store_true", help="print the example profile that ships with policytui")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--markdown", action="store_true", help="print the estimate as Markdown")
    parser.set_defaults(run=run)


def example_profile() -> Path:
    from policytui.core.locations import bundled_data_dir

    return bundled_data_dir() / "profiles" / "example.toml"


def run(args: argparse.Namespace) -> int:
    from policytui.core.calc.estimate import estimate
    from policytui.core.calc.profile import load_profile
    from policytui.i18n import t

    if args.example:
        sys.stdout.write(example_profile().read_text(encoding="utf-8"))
        return 0
    if not args.profile:
        return fail(t("calc.cli.need_profile", args.lang))
    library = load(args)
    profile, problems = load_profile(Path(args.profile), list(library.rules.values()))
    for problem in problems:
        if problem.severity == "warning":
            print(f"policytui: warning: {problem}", file=sys.stderr)
    if profile is None:
        return fail(str(next(p for p in problems if p.severity == "error")))
    result = estimate(library, profile, as_of(args), args.lang)
    if result.problems:
        return fail(str(result.problems[0]))
    if args.json:
        from policytui.core.calc.serialize import estimate_json

        print_json(estimate_json(result))
    elif args.markdown:
        from policytui.core.calc.markdown import estimate_markdown

        sys.stdout.write(estimate_markdown(result, args.lang))
    else:
        _print(result, args.lang)
    return 0


def _print(result, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from policytui.cli.calc_cmd import print_list
    from policytui.core.calc.wording import format_yuan
    from policytui.i18n import t

    out = console()
    out.print(Text(t("calc.label.estimate", lang, name=result.profile.name), style="bold"),
              Text(t("calc.label.as_of", lang, date=result.as_of), style="dim"))
    print_list(out, result.warnings, bullet="⚠", style="yellow")
    table = Table(box=None, pad_edge=False)
    for header in ("calc.label.rule", "calc.label.clause", "calc.label.result", "calc.label.counted"):
        table.add_column(t(header, lang), overflow="fold")
    styles = {"counted": "green", "set-aside": "dim strike", "not-counted": "dim"}
    for item in result.items:
        standing = result.standing(item)
        name = item.rule.display_name(lang) + (f"（{item.label}）" if item.label else "")
        table.add_row(Text(name), Text(item.clause_id, style="dim"), Text(item.headline, style=styles[standing]),
                      Text(t(f"calc.standing.{standing}", lang), style=styles[standing]))
    out.print(table)
    totals = Table.grid(padding=(0, 3))
    totals.add_row(Text(t("calc.label.total", lang), style="bold"), Text(format_yuan(result.total_yuan)),
                   Text(t("calc.label.total_non_stacking", lang), style="bold"),
                   Text(format_yuan(result.total_non_stacking_yuan), style="bold green"))
    out.print(totals)
    _section(out, t("calc.label.set_aside_items", lang),
             [f"{s.item.rule.id}{f'（{s.item.label}）' if s.item.label else ''}：{s.reason}" for s in result.set_aside])
    _section(out, t("calc.label.near_misses", lang), [m.message for m in result.near_misses])
    _section(out, t("calc.label.not_met", lang),
             [f"{r.rule.id}{f'（{r.label}）' if r.label else ''}：{r.why_not}" for r in result.not_met])
    _section(out, t("calc.label.incomplete", lang),
             [f"{i.rule.id}{f'（{i.label}）' if i.label else ''}：{', '.join(i.missing)}" for i in result.incomplete])
    _section(out, t("calc.label.notes", lang), list(result.notes))


def _section(out, title: str, lines: list[str]) -> None:
    from rich.text import Text

    from policytui.cli.calc_cmd import print_list

    if lines:
        out.print(Text(title, style="bold underline"))
        print_list(out, lines)
