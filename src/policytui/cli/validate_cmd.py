"""`policytui validate PATH...`: check data files and run the golden cases of their rules;
exit 1 on errors (a failed case is one), 0 when clean. `--cases` prints every case."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, print_json
from policytui.core.sanitize import clean_text as sanitize
from policytui.i18n import t

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.calc.cases import CaseOutcome
    from policytui.core.loader import ParsedFile
    from policytui.core.model import Library, Problem


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    parser = subparsers.add_parser("validate", parents=parents, help=t("help.validate", lang), lang=lang)
    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("help.validate.paths", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.add_argument("--cases", action="store_true", help=t("help.validate.cases", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.loader import load_files, parse_file, toml_files
    from policytui.core.locations import bundled_data_dir
    from policytui.core.model import Problem
    from policytui.render.problems import problem_line

    targets: list[Path] = []
    missing = []
    for name in args.paths:
        files = toml_files(Path(name))
        if not files:
            missing.append(name)
        targets += files
    # The bundled topics are always known, so a user's policy can use them; the
    # bundled policies are loaded too, so a clashing policy id is reported.
    checked = {p.resolve() for p in targets}
    bundled = [p for p in toml_files(bundled_data_dir()) if p.resolve() not in checked]
    parsed = [parse_file(p) for p in targets]
    library = load_files([parse_file(p, "bundled") for p in bundled] + parsed)
    problems = [p for p in library.problems if Path(p.file).resolve() in checked]
    problems += [mark for path in targets for mark in _review_marks(path)]
    problems += [Problem(name, "path.missing") for name in missing]
    outcomes = _golden_cases(library, parsed, args)
    problems += [o.problem() for o in outcomes if not o.passed]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if args.json:
        print_json(
            {
                "files": [str(p) for p in targets],
                "errors": errors,
                "warnings": warnings,
                "cases": {"run": len(outcomes), "failed": sum(1 for o in outcomes if not o.passed)},
                "problems": [_problem_json(p, args.lang) for p in problems],
            }
        )
    else:
        if args.cases:
            _print_cases(outcomes, args.lang)
        for problem in problems:
            print(sanitize(problem_line(problem, args.lang)))
        print(
            t(
                "validate.failed" if errors else "validate.ok",
                args.lang,
                files=len(targets),
                errors=errors,
                warnings=warnings,
            )
        )
    return 1 if errors else 0


def _golden_cases(
    library: Library, parsed: list[ParsedFile | Problem], args: argparse.Namespace
) -> list[CaseOutcome]:
    """The outcome of every golden case in the checked rules files.

    Each file is read again on its own: the library keeps the first of two rules with one
    id, and a user's copy of a bundled rule must be tested all the same (its problems
    were reported by the load)."""
    from policytui.core.calc.cases import run_cases
    from policytui.core.calc.reader import read_rules
    from policytui.core.loader import ParsedFile
    from policytui.core.schema import DocumentReader
    from policytui.render.calc.wording import choice_aliases

    rules = [
        rule
        for f in parsed
        if isinstance(f, ParsedFile) and f.kind == "rules"
        for rule in read_rules(f.doc, DocumentReader(f.path, f.raw), library.policies)
    ]
    return list(run_cases(library, rules, as_of(args), choice_aliases))


def _problem_json(problem: Problem, lang: str) -> dict[str, object]:
    """A problem for scripts: `code` and `params` are the same in every language; `message`
    and `expected` are worded in `lang`."""
    from policytui.render.problems import worded

    words = worded(problem, lang)
    return {
        "file": words.file,
        "line": words.line,
        "where": words.where,
        "severity": words.severity,
        "message": words.message,
        "expected": words.expected,
        "code": problem.code,
        "params": problem.params,
    }


def _print_cases(outcomes: list[CaseOutcome], lang: str) -> None:
    from policytui.render.problems import case_words

    for outcome in outcomes:
        case = outcome.case
        about = t("punct.notes", lang, notes=case.about) if case.about else ""
        inputs = t("punct.list", lang).join(f"{k}={v}" for k, v in case.inputs) or t(
            "validate.case.no_inputs", lang
        )
        verdict = t("validate.case.ok" if outcome.passed else "validate.case.fail", lang)
        got, expected = case_words(outcome.params(), lang)
        line = f"{verdict} {outcome.rule.id} {case.where}{about}{t('punct.colon', lang)}{inputs} → {got}"
        if not outcome.passed:
            line += t("validate.case.expected", lang, expected=expected)
        print(sanitize(line))
    print(t("validate.cases", lang, run=len(outcomes), failed=sum(1 for o in outcomes if not o.passed)))


def _review_marks(path: Path) -> list[Problem]:
    """The review marks (# 待核: …) left in a file, one warning each: the file is not done yet."""
    from policytui.core.importer.review import open_marks
    from policytui.core.model import Problem

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the loader has reported it already
    return [
        Problem(str(path), "review.mark", {"mark": mark.message}, line=mark.line, severity="warning")
        for mark in open_marks(raw)
    ]
