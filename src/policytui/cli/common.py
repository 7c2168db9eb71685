"""What every subcommand shares: the data and date options, loading, and output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from policytui.core.model import Library
from policytui.core.serialize import json_number
from policytui.i18n import LANGS


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (expected YYYY-MM-DD)") from None


def common_options():
    """A factory of parent parsers holding the shared options.

    Subcommands get a copy whose defaults are suppressed, so an option given
    before the command (`policytui --as-of 2024-01-01 list`) is not reset by it.
    """

    def make(suppress: bool) -> argparse.ArgumentParser:
        default = (lambda value: argparse.SUPPRESS) if suppress else (lambda value: value)
        parent = argparse.ArgumentParser(add_help=False)
        parent.add_argument("--data", action="append", metavar="DIR", default=default([]),
                            help="also load policy TOML files from DIR (repeatable)")
        parent.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", default=default(None),
                            help="judge each policy's status as of this date (default: today)")
        parent.add_argument("--lang", choices=LANGS, default=default("zh"),
                            help="language of the tool's own words (policy text stays as written)")
        parent.add_argument("--no-user-data", action="store_true", default=default(False),
                            help="load only the bundled data and --data directories")
        return parent

    return make


def as_of(args: argparse.Namespace) -> date:
    return args.as_of or date.today()


def load(args: argparse.Namespace) -> Library:
    """Load the library and report data problems on stderr (stdout stays clean for JSON)."""
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs

    library = load_library(dirs=data_dirs(args.data, user=not args.no_user_data))
    for problem in library.problems:
        print(f"policytui: {problem.severity}: {problem}", file=sys.stderr)
    return library


def fail(message: str, code: int = 2) -> int:
    from policytui.core.sanitize import clean_text

    print(f"policytui: error: {clean_text(message)}", file=sys.stderr)  # it may echo what was typed
    return code


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def not_found(found, query: str, unknown: str, see_list: str, lang: str) -> str:
    """One line for an id that found nothing (core.lookup.Found): every match of an
    ambiguous local id, or the closest ids."""
    from policytui.i18n import t

    if found.matches:
        return t("lookup.ambiguous", lang, query=query, ids=", ".join(found.matches))
    hint = t("calc.cli.closest", lang, ids=", ".join(found.closest)) if found.closest else see_list
    return f"{unknown}; {hint}"


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)
