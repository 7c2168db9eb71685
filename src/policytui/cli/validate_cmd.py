"""`policytui validate PATH...`: check data files and run the golden cases of their rules;
exit 1 on errors (a failed case is one), 0 when clean. `--cases` prints every case."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, print_json
from policytui.core.sanitize import clean_text as sanitize

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.calc.cases import CaseOutcome
    from policytui.core.loader import ParsedFile
    from policytui.core.model import Library, Problem


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("validate", parents=parents, help="check policy TOML files")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--cases", action="store_true", help="print each golden case of the rules and its result")
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
    problems += [mark for path in targets for mark in _review_marks(path)]
    problems += [_missing(name) for name in missing]
    outcomes = _golden_cases(library, parsed, args)
    problems += [o.problem() for o in outcomes if not o.passed]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if args.json:
        print_json({
            "files": [str(p) for p in targets],
            "errors": errors,
            "warnings": warnings,
            "cases": {"run": len(outcomes), "failed": sum(1 for o in outcomes if not o.passed)},
            "problems": [
                {"file": p.shown_file, "line": p.line, "where": p.where, "severity": p.severity,
                 "message": p.message, "expected": p.expected}
                for p in problems
            ],
        })
    else:
        if args.cases:
            _print_cases(outcomes)
        for problem in problems:
            print(f"{problem.severity}: {sanitize(str(problem))}")
        verdict = "ok" if not errors else "failed"
        print(f"{verdict}: {len(targets)} file(s) checked, {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _golden_cases(library: Library, parsed: list[ParsedFile | Problem], args: argparse.Namespace) -> list[CaseOutcome]:
    """The outcome of every golden case in the checked rules files.

    Each file is read again on its own: the library keeps the first of two rules with one
    id, and a user's copy of a bundled rule must be tested all the same (its problems
    were reported by the load)."""
    from policytui.core.calc.cases import run_cases
    from policytui.core.calc.reader import read_rules
    from policytui.core.loader import ParsedFile
    from policytui.core.schema import DocumentReader
    from policytui.render.calc.wording import choice_aliases

    rules = [rule for f in parsed if isinstance(f, ParsedFile) and f.kind == "rules"
             for rule in read_rules(f.doc, DocumentReader(f.path, f.raw), library.policies)]
    return list(run_cases(library, rules, as_of(args), choice_aliases))


def _print_cases(outcomes: list[CaseOutcome]) -> None:
    for outcome in outcomes:
        case = outcome.case
        about = f" ({case.about})" if case.about else ""
        inputs = ", ".join(f"{k}={v}" for k, v in case.inputs) or "no inputs"
        verdict = "ok  " if outcome.passed else "FAIL"
        line = f"{verdict} {outcome.rule.id} {case.where}{about}: {inputs} → {outcome.got}"
        if not outcome.passed:
            line += f"; expected {outcome.expected}"
        print(sanitize(line))
    print(f"cases: {len(outcomes)} run, {sum(1 for o in outcomes if not o.passed)} failed")


def _review_marks(path: Path) -> list[Problem]:
    """The review marks (# 待核: …) left in a file, one warning each: the file is not done yet."""
    from policytui.core.importer.review import open_marks
    from policytui.core.model import Problem

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the loader has reported it already
    return [Problem(str(path), f"open review mark: {mark.message}", line=mark.line,
                    expected="check the guess, then delete the 待核 line", severity="warning")
            for mark in open_marks(raw)]


def _missing(name: str) -> Problem:
    from policytui.core.model import Problem

    return Problem(name, "no such file, or no .toml files in it", expected="a policy TOML file or a directory")
