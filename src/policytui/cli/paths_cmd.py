"""`policytui paths`: where policytui looks for data and keeps its settings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from policytui.cli.common import print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "paths", parents=parents, help="show the data directories (add your own policies there)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.locations import data_dirs, user_config_dir

    dirs = data_dirs(args.data, user=not args.no_user_data)
    rows = [{"origin": d.origin, "path": str(d.path), "exists": d.path.exists()} for d in dirs]
    if args.json:
        print_json({"data": rows, "config": str(user_config_dir())})
        return 0
    for row in rows:
        mark = "" if row["exists"] else "  (does not exist yet)"
        print(f"{row['origin']:8} {row['path']}{mark}")
    print(f"{'config':8} {user_config_dir()}")
    return 0
