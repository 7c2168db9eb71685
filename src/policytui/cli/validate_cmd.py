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


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("validate", parents=parents, help="check policy TOML files")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--cases", action="store_true", help="print each golden case of the rules and its result"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.loader import load_files, parse_file, toml_files
    from policytui.core.locations import bundled_data_dir

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
    words = "en" if args.json else args.lang  # JSON is for scripts: its messages do not change with --lang
    problems += [mark for path in targets for mark in _review_marks(path, words)]
    problems += [_missing(name, words) for name in missing]
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
                "problems": [
                    {
                        "file": p.shown_file,
                        "line": p.line,
                        "where": p.where,
                        "severity": p.severity,
                        "message": p.message,
                        "expected": p.expected,
                    }
                    for p in problems
                ],
            }
        )
    else:
        if args.cases:
            _print_cases(outcomes, args.lang)
        for problem in problems:
            print(sanitize(_problem_line(problem, args.lang)))
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


def _problem_line(problem: Problem, lang: str) -> str:
    """`error: file:line: where: message (expected …)`, the tool's words in `lang`."""
    location = problem.shown_file if problem.line is None else f"{problem.shown_file}:{problem.line}"
    text = t("punct.colon", lang).join(
        [location, *([problem.where] if problem.where else []), problem.message]
    )
    if problem.expected:
        text += t("validate.expected", lang, expected=problem.expected)
    return t(
        "validate.problem", lang, severity=t(f"validate.severity.{problem.severity}", lang), problem=text
    )


def _print_cases(outcomes: list[CaseOutcome], lang: str) -> None:
    for outcome in outcomes:
        case = outcome.case
        about = t("punct.notes", lang, notes=case.about) if case.about else ""
        inputs = t("punct.list", lang).join(f"{k}={v}" for k, v in case.inputs) or t(
            "validate.case.no_inputs", lang
        )
        verdict = t("validate.case.ok" if outcome.passed else "validate.case.fail", lang)
        line = (
            f"{verdict} {outcome.rule.id} {case.where}{about}{t('punct.colon', lang)}{inputs} → {outcome.got}"
        )
        if not outcome.passed:
            line += t("validate.case.expected", lang, expected=outcome.expected)
        print(sanitize(line))
    print(t("validate.cases", lang, run=len(outcomes), failed=sum(1 for o in outcomes if not o.passed)))


def _review_marks(path: Path, lang: str) -> list[Problem]:
    """The review marks (# 待核: …) left in a file, one warning each: the file is not done yet."""
    from policytui.core.importer.review import open_marks
    from policytui.core.model import Problem

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the loader has reported it already
    return [
        Problem(
            str(path),
            t("validate.review_mark", lang, message=mark.message),
            line=mark.line,
            expected=t("validate.review_mark.expected", lang),
            severity="warning",
        )
        for mark in open_marks(raw)
    ]


def _missing(name: str, lang: str) -> Problem:
    from policytui.core.model import Problem

    return Problem(name, t("validate.missing", lang), expected=t("validate.missing.expected", lang))
