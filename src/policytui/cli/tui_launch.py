"""Start the interactive browser (the only place Textual is imported)."""

from __future__ import annotations

import argparse

from policytui.cli.common import as_of


def run_tui(args: argparse.Namespace) -> int:
    from policytui.core.load_ahead import LoadAhead
    from policytui.core.locations import data_dirs

    # before Textual is imported, which is most of the start: the files are read meanwhile
    ahead = LoadAhead(data_dirs(args.data, user=not args.no_user_data))
    from policytui.tui.app import create_app

    lang = args.lang if getattr(args, "lang_given", True) else None  # None: the remembered one
    app = create_app(
        data=args.data, as_of=as_of(args), lang=lang, user_data=not args.no_user_data, ahead=ahead
    )
    app.run()
    return app.return_code or 0
