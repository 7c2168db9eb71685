"""`policytui validate PATH...`: check data files; exit 1 on errors, 0 when clean."""

from __future__ import annotations

import argparse
from pathlib import Path

from policytui.cli.common import print_json


def register(subparsers, parents) -> None:
    parser = subparsers.add_parser("validate", parents=parents, help="check policy TOML files")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
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
    library = load_files([parse_file(p, "bundled") for p in bundled] + [parse_file(p) for p in targets])
    problems = [p for p in library.problems if Path(p.file).resolve() in checked]
    problems += [_missing(name) for name in missing]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if args.json:
        print_json({
            "files": [str(p) for p in targets],
            "errors": errors,
            "warnings": warnings,
            "problems": [
                {"file": p.shown_file, "line": p.line, "where": p.where, "severity": p.severity,
                 "message": p.message, "expected": p.expected}
                for p in problems
            ],
        })
    else:
        for problem in problems:
            print(f"{problem.severity}: {problem}")
        verdict = "ok" if not errors else "failed"
        print(f"{verdict}: {len(targets)} file(s) checked, {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _missing(name: str):
    from policytui.core.model import Problem

    return Problem(name, "no such file, or no .toml files in it", expected="a policy TOML file or a directory")
