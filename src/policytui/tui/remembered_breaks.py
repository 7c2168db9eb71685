"""Where the texts the browser showed may break, remembered for its next start.

Working out where a text may break (render.wrap) takes uniseg, which is slow to import
and to run: a fifth of a warm start's CPU, and every start shows the same first screen.
The answers go to a JSON file beside the library cache (core.cache: the same directory,
owned by the user, switched off alike), under a key of the code that worked them out.
A missing, damaged, stale or unwritable file is only a miss.
"""

from __future__ import annotations

import json
import os
from importlib.util import find_spec
from pathlib import Path

from policytui import __version__
from policytui.render import wrap

FILE_NAME = "breaks.json"

_loaded: dict[str, tuple[int, ...]] = {}  # what load() read: save() writes only when there is more


def load() -> None:
    """Hand render.wrap the break opportunities of the last run, if its code was the same."""
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
    _loaded.update(known)
    wrap.remember(known)


def save() -> None:
    """Keep the break opportunities this run asked for, if they are not all kept already."""
    asked = wrap.asked()
    path = _path()
    if path is None or not asked or asked.items() <= _loaded.items():
        return
    data = json.dumps({"key": _key(), "breaks": asked}, ensure_ascii=False).encode()
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
    uniseg = find_spec("uniseg")  # found, not imported
    files = [wrap.__file__]
    if uniseg is not None and uniseg.origin is not None:
        files.append(str(Path(uniseg.origin).with_name("linebreak.py")))
    stats = []
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            return [None]
        stats.append([file, info.st_size, info.st_mtime_ns])
    return [__version__, stats]


def _valid(text: object, offsets: object) -> bool:
    return (isinstance(text, str) and isinstance(offsets, list)
            and all(isinstance(o, int) and 0 < o < len(text) for o in offsets) and offsets == sorted(offsets))
