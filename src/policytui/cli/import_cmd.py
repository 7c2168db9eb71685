"""`policytui import SOURCE`: a policy text into a policy TOML, its draft rules and a copy of the source.

Writes nothing unless the whole import succeeds; never overwrites without --force.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.cli.common import fail, print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.importer import ImportedFiles, ImportedPolicy


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("import", parents=parents, help=t("help.import", lang), lang=lang)
    parser.add_argument("source", metavar="SOURCE", help=t("help.import.source", lang))
    parser.add_argument("--id", dest="policy_id", default="", metavar="ID", help=t("help.import.id", lang))
    parser.add_argument("--city", default="", metavar="CITY", help=t("help.import.city", lang))
    parser.add_argument("--city-en", default="", metavar="NAME", help=t("help.import.city_en", lang))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", metavar="FILE", help=t("help.import.output", lang))
    where.add_argument("--install", action="store_true", help=t("help.import.install", lang))
    parser.add_argument("--force", action="store_true", help=t("help.import.force", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.importer import SourceError, import_policy
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs
    from policytui.core.sanitize import clean_text
    from policytui.i18n import os_error_words, t
    from policytui.render.importer import mark_words, source_error_words

    lang = args.lang
    source = Path(args.source)
    try:
        raw = source.read_bytes()
    except OSError as error:
        return fail(
            t(
                "import.error.unreadable",
                lang,
                path=clean_text(str(source)),
                error=os_error_words(error, lang),
            ),
            lang=lang,
        )
    library = load_library(dirs=data_dirs(args.data, user=not args.no_user_data))
    try:
        result = import_policy(
            raw, library.topics.values(), policy_id=args.policy_id, city=args.city, city_en=args.city_en
        )
    except SourceError as error:
        return fail(f"{clean_text(str(source))}: {source_error_words(error, lang)}", lang=lang)
    policy_file, rules_file, source_file = _targets(args, result.policy_id)
    if policy_file.suffix != ".toml":
        return fail(t("import.error.not_toml", lang, path=clean_text(str(policy_file))), lang=lang)
    files = result.files(source_file.name, mark_words(lang), lang)
    taken = library.policies.get(result.policy_id)
    if taken is not None and taken.file.resolve() != policy_file.resolve():  # replacing it is --force's job
        return fail(
            t("import.error.id_taken", lang, id=result.policy_id, file=clean_text(str(taken.file))), lang=lang
        )
    writes = [(policy_file, files.policy_toml), (source_file, result.source_text)]
    if files.rules_toml is not None:
        writes.append((rules_file, files.rules_toml))
    if not args.force:
        for path, _ in writes:
            if path.exists():
                return fail(t("import.error.exists", lang, path=clean_text(str(path))), lang=lang)
    try:
        policy_file.parent.mkdir(parents=True, exist_ok=True)
        for path, text in writes:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(
            t(
                "import.error.unwritable",
                lang,
                path=clean_text(str(error.filename or policy_file)),
                error=os_error_words(error, lang),
            ),
            lang=lang,
        )
    _report(args, result, files, {"policy": policy_file, "rules": rules_file, "source": source_file})
    return 0


def _targets(args: argparse.Namespace, policy_id: str) -> tuple[Path, Path, Path]:
    """(policy, rules, source copy): FILE, FILE's stem + .rules.toml and + .source.txt."""
    if args.install:
        from policytui.core.locations import user_data_dir

        policy = user_data_dir() / f"{policy_id}.toml"
    elif args.output and Path(args.output).is_dir():
        policy = Path(args.output) / f"{policy_id}.toml"
    else:
        policy = Path(args.output) if args.output else Path(f"{policy_id}.toml")
    stem = policy.name.removesuffix(".toml")
    return policy, policy.with_name(stem + ".rules.toml"), policy.with_name(stem + ".source.txt")


def _report(
    args: argparse.Namespace, result: ImportedPolicy, files: ImportedFiles, paths: dict[str, Path]
) -> None:
    from policytui.core.sanitize import clean_text
    from policytui.i18n import t

    lang = args.lang
    written: dict[str, Path | None] = dict(paths) if files.rules_toml is not None else dict(paths, rules=None)
    if args.json:
        print_json(
            {
                "id": result.policy_id,
                "encoding": result.encoding,
                "files": {key: str(path) if path else None for key, path in written.items()},
                "clauses": len(result.clauses),
                "figures": result.figures,
                "rules": files.rules,
                "review": [
                    {
                        "file": str(paths[item.file]),
                        "line": item.line,
                        "where": item.where,
                        "message": item.message,
                    }
                    for item in files.review
                ],
            }
        )
        return
    print(
        t(
            "import.wrote",
            lang,
            path=clean_text(str(paths["policy"])),
            clauses=len(result.clauses),
            figures=result.figures,
        )
    )
    if files.rules_toml is not None:
        print(t("import.wrote_rules", lang, path=clean_text(str(paths["rules"])), count=files.rules))
    print(t("import.wrote_source", lang, path=clean_text(str(paths["source"]))))
    print(
        t("import.review", lang, count=len(files.review)) if files.review else t("import.review.none", lang)
    )
    for item in files.review:
        print(f"  {clean_text(paths[item.file].name)}:{item.line}  {item.where}  {clean_text(item.message)}")
    target = paths["policy"].parent if files.rules_toml is not None else paths["policy"]
    print(t("import.next", lang, path=clean_text(str(target))))
