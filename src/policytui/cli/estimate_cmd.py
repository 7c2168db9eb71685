"""`policytui estimate PROFILE.toml`: every award a firm's profile meets, per policy, with three totals.

policytui estimate PROFILE.toml [--json] [--markdown] [--combine] [--include-ceilings] [--as-of DATE]
policytui estimate --example      # print the shipped example profile, to copy and edit
policytui estimate --example --json   # the estimate of the example profile
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, console, fail, load, print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.calc.estimate import Estimate


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("estimate", parents=parents, help=t("help.estimate", lang), lang=lang)
    parser.add_argument("profile", nargs="?", metavar="PROFILE.toml", help=t("help.estimate.profile", lang))
    parser.add_argument("--example", action="store_true", help=t("help.estimate.example", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.add_argument("--markdown", action="store_true", help=t("help.estimate.markdown", lang))
    parser.add_argument("--combine", action="store_true", help=t("help.estimate.combine", lang))
    parser.add_argument(
        "--include-ceilings", action="store_true", help=t("help.estimate.include_ceilings", lang)
    )
    parser.set_defaults(run=run)


def example_profile() -> Path:
    from policytui.core.locations import bundled_data_dir

    return bundled_data_dir() / "profiles" / "example.toml"


def run(args: argparse.Namespace) -> int:
    from policytui.core.calc.estimate import estimate
    from policytui.core.calc.profile import load_profile
    from policytui.i18n import t
    from policytui.render.calc.estimate_text import profile_problems
    from policytui.render.calc.wording import choice_aliases
    from policytui.render.problems import problem_text

    if args.example and not (args.json or args.markdown):
        sys.stdout.write(example_profile().read_text(encoding="utf-8"))
        return 0
    if not args.profile and not args.example:
        return fail(t("calc.cli.need_profile", args.lang), lang=args.lang)
    library = load(args)
    path = example_profile() if args.example else Path(args.profile)
    profile, problems = load_profile(path, list(library.rules.values()))
    for problem in problems:
        if problem.severity == "warning":
            print(
                f"policytui: {t('cli.warning', args.lang)}{problem_text(problem, args.lang)}", file=sys.stderr
            )
    if profile is None:
        return fail(
            problem_text(next(p for p in problems if p.severity == "error"), args.lang), lang=args.lang
        )
    result = estimate(
        library,
        profile,
        as_of(args),
        combine=args.combine,
        include_ceilings=args.include_ceilings,
        aliases=choice_aliases,
    )
    if result.problems:
        return fail(problem_text(profile_problems(result, args.lang)[0], args.lang), lang=args.lang)
    if args.json:
        from policytui.render.calc.serialize import estimate_json

        print_json(estimate_json(result, args.lang))
    elif args.markdown:
        from policytui.render.calc.markdown import estimate_markdown

        sys.stdout.write(estimate_markdown(result, args.lang))
    else:
        _print(result, args.lang)
    return 0


def _print(result: Estimate, lang: str) -> None:
    from policytui.render.calc.rich_views import estimate_view

    console().print(estimate_view(result, lang))
