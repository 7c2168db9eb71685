"""Every character's toneless readings, read from a table in the user cache directory.

Importing pypinyin costs about 200 ms and 57 MB at every search, for the few
thousand characters a library uses. So the first search builds the table
from pypinyin (after a header, one line of every character, then one line of
their readings, a tab between characters', each character's joined by commas,
the most common first, then every syllable, sorted) and writes it atomically to the user cache directory;
later processes read it in a few milliseconds (two splits and a zip, all in C)
and never import pypinyin. The table is keyed by the size and time of pypinyin's own
dictionary file, so upgrading pypinyin rebuilds it; a damaged table is
rebuilt; a cache directory that cannot be written is no error (the table then
lives in memory for the process).
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from importlib.util import find_spec
from pathlib import Path

FORMAT = "policytui-pinyin-table 3"  # first line; change the number when the layout changes
END = "end"  # last line


def table_path() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("policytui") / "pinyin-table.txt"


Table = tuple[dict[str, str], tuple[str, ...]]  # readings_table(), syllables()


def readings_table() -> dict[str, str]:
    """Character -> its toneless readings joined by commas ("行" -> "xing,hang")."""
    return _table()[0]


def syllables() -> tuple[str, ...]:
    """Every toneless syllable of the table, sorted (so that what is numbered by it is stable);
    kept in the file, as working them out from 40,000 characters is 5 ms of every search."""
    return _table()[1]


@cache
def _table() -> Table:
    source = _source_key()
    path = table_path()
    table = _read(path, source)
    if table is None:
        readings = _build()
        table = readings, _syllables_of(readings)
        _write(path, source, readings)
    return table


def _syllables_of(readings: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted(set(",".join(readings.values()).split(","))))


def _source_key() -> str:
    """What the table was built from: pypinyin's dictionary file, by size and mtime."""
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return "no-pypinyin"
    stat = (Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py").stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def _read(path: Path, source: str) -> Table | None:
    """The cached table, or None when it is missing, stale or damaged."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    # format, source key, the characters, their readings, the syllables, END: a cut-off file has no END
    if len(lines) != 6 or lines[0] != FORMAT or lines[1] != source or lines[5] != END:
        return None
    characters, readings, syllables = lines[2], lines[3].split("\t"), tuple(lines[4].split(","))
    if len(readings) != len(characters) or not all(readings) or list(syllables) != sorted(set(syllables)):
        return None
    table = dict(zip(characters, readings, strict=True))
    return (table, syllables) if len(table) == len(characters) else None


def _build() -> dict[str, str]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    return {
        chr(code): ",".join(dict.fromkeys(to_normal(reading) for reading in entry.split(",")))
        for code, entry in pinyin_dict.items()
    }


def _write(path: Path, source: str, table: dict[str, str]) -> None:
    """Write the table atomically: a reader sees the old file or the whole new one."""
    text = "\n".join(
        [FORMAT, source, "".join(table), "\t".join(table.values()), ",".join(_syllables_of(table)), END]
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pinyin-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only cache: the table serves this process from memory
