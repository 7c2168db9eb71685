"""Where texts may break (render.wrap), remembered from one run to the next.

Working it out takes uniseg, which is slow to import and to run: a fifth of the browser's
warm start, and a third of `show`. Yet a start shows the same first screen, a look-up the
same clauses. What a run asked for goes to a JSON file beside the library cache (the same
directory, owned by the user, switched off alike: core.cache), under a key of the code that
worked it out. A missing, damaged, stale or unwritable file is only a miss.
"""

from __future__ import annotations

import json
import os
from importlib.util import find_spec
from pathlib import Path

from policytui import __version__

FILE_NAME = "breaks.json"
ASKED_LIMIT = 4096  # texts kept for the next run: many screens' worth

_remembered: dict[str, tuple[int, ...]] = {}  # what load() read
_asked: dict[str, tuple[int, ...]] = {}  # what this run asked for (note())


def recall(text: str) -> tuple[int, ...] | None:
    """The break opportunities of `text` as an earlier run found them, if it did."""
    return _remembered.get(text)


def note(text: str, opportunities: tuple[int, ...]) -> None:
    """`text` was asked for: save() keeps it for the next run."""
    if len(_asked) < ASKED_LIMIT:
        _asked[text] = opportunities


def load() -> None:
    """Read what the last run of the same code asked for."""
    path = _path()
    if path is None:
        return
    try:
        data = json.loads(path.read_bytes())
        if data["key"] != _key():
            return
        known = {text: tuple(offsets) for text, offsets in data["breaks"].items() if _valid(text, offsets)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return
    _remembered.update(known)


def save() -> None:
    """Keep what this run asked for, and as much of what was kept before as the limit allows
    (a run that ends before its screen is drawn asks for less), unless all of it is kept already."""
    if not _asked or _asked.items() <= _remembered.items():
        return
    path = _path()
    if path is None:
        return
    kept = dict(_asked)
    for text, opportunities in _remembered.items():
        if len(kept) >= ASKED_LIMIT:
            break
        kept.setdefault(text, opportunities)
    data = json.dumps({"key": _key(), "breaks": kept}, ensure_ascii=False).encode()
    temporary = path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
    try:  # aside, then renamed: a reader sees the old file or the new one
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


def _path() -> Path | None:
    from policytui.core.cache import LibraryCache

    library_cache = LibraryCache.open()
    return None if library_cache is None else library_cache.directory / FILE_NAME


def _key() -> list[object]:
    """The code that worked the breaks out: policytui's version, render.wrap and uniseg's line breaker."""
    files = [str(Path(__file__).with_name("wrap.py"))]
    uniseg = find_spec("uniseg")  # found, not imported
    if uniseg is not None and uniseg.origin is not None:
        files.append(str(Path(uniseg.origin).with_name("linebreak.py")))
    stats: list[object] = []
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            return [None]
        stats.append([file, info.st_size, info.st_mtime_ns])
    return [__version__, stats]


def _valid(text: object, offsets: object) -> bool:
    return (
        isinstance(text, str)
        and isinstance(offsets, list)
        and all(isinstance(o, int) and 0 < o < len(text) for o in offsets)
        and offsets == sorted(offsets)
    )
