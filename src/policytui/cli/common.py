"""What every subcommand shares: the data and date options, loading, and output."""

from __future__ import annotations

import argparse
import json
import os
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


def fail(message: str, code: int = 2, lang: str | None = None) -> int:
    """One line on stderr; with `lang`, its 'error' word is in that language too."""
    from policytui.i18n import t

    print(f"policytui: {t('cli.error', lang) if lang else 'error: '}{message}", file=sys.stderr)
    return code


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")


# Piped output is not wrapped at a guessed 80 columns: a table is as wide as its content, so
# no figure or id is folded (`unspecifi/ed`); COLUMNS still sets a width.
PIPED_WIDTH = 1000


def console():
    """Rich console for stdout: the terminal's width, or PIPED_WIDTH when piped."""
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out.width = PIPED_WIDTH
    return out
