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
    from policytui.core.calc.rich_views import estimate_view

    console().print(estimate_view(result, lang))
