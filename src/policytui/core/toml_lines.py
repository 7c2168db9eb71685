"""Find the line of a key path in TOML source, so problems can point at it.

The TOML parser (tomli) returns plain dicts without positions; this scanner follows table
headers and `key =` lines, which is all the data files use. It is a pointer for
people, not a parser: when unsure it returns the nearest enclosing line.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_DELIMITERS = ('"""', "'''")  # of multi-line strings
# Outside a multi-line string: what opens one, a comment, or a one-line string (to its end).
_OUTSIDE = re.compile(r"""\"\"\"|'''|#|"(?:[^"\\]|\\.)*"?|'[^']*'?""")
# Inside a basic multi-line string: an escape (and what it escapes), or the closing delimiter.
_ESCAPE_OR_END = re.compile(r'\\.|"""')

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """("clauses", 3, "topics") -> "clauses[3].topics"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def line_of(source: str, path: Path) -> int | None:
    """The 1-based line that best matches `path`: the longest matching prefix wins."""
    lines = _line_index(source)
    for length in range(len(path), 0, -1):
        if (line := lines.get(path[:length])) is not None:
            return line
    return None


@lru_cache(maxsize=8)
def _line_index(source: str) -> dict[Path, int]:
    """The first line of every table, array element and key of `source`, by key path.

    Computed once per file: a rules file asks for the line of every golden case, and a scan
    per question made reading it quadratic (a quarter of a second for the bundled rules).
    """
    lines: dict[Path, int] = {}
    array_counts: dict[Path, int] = {}
    current: Path = ()
    open_quote = None  # the delimiter of the multi-line string the scan is inside, if any
    for number, line in enumerate(source.splitlines(), start=1):
        starts_inside = open_quote is not None
        open_quote = _quote_after(line, open_quote)
        if starts_inside:  # a line of a string's text, however much it looks like a header
            continue
        if match := _ARRAY_HEADER.match(line):
            parent, name = _resolve(match.group(1), current)
            key = parent + (name,)
            index = array_counts.get(key, -1) + 1
            array_counts[key] = index
            current = key + (index,)
            node = current
        elif match := _TABLE_HEADER.match(line):
            parent, name = _resolve(match.group(1), current)
            current = parent + (name,)
            node = current
        elif match := _KEY.match(line):
            node = current + (match.group(1),)
        else:
            continue
        lines.setdefault(node, number)
    return lines


def _quote_after(line: str, open_quote: str | None) -> str | None:
    """The multi-line string delimiter still open at the end of `line` (\"\"\" or \'\'\'), or None.

    Scanned as TOML reads it: three quotes in a comment or in a one-line string open nothing,
    and an escaped quote in a basic string closes nothing. A string at a time, by regular
    expressions: a character at a time took longer than parsing the file (16 ms for a rules file).
    """
    i = 0
    while True:
        if open_quote is not None:  # inside a multi-line string: only its own delimiter ends it
            i = _closing(line, i, open_quote)
            if i < 0:
                return open_quote
            open_quote = None
        match = _OUTSIDE.search(line, i)
        if match is None or match.group() == "#":
            return None
        if match.group() in _DELIMITERS:
            open_quote = match.group()
        i = match.end()  # past a one-line string, or the delimiter just opened


def _closing(line: str, start: int, delimiter: str) -> int:
    """The offset after the `delimiter` that closes a multi-line string in `line`, or -1."""
    if delimiter == "'''":  # a literal string: no escapes
        end = line.find(delimiter, start)
        return -1 if end < 0 else end + len(delimiter)
    ends = (found.end() for found in _ESCAPE_OR_END.finditer(line, start) if found.group() == delimiter)
    return next(ends, -1)


def _resolve(dotted: str, current: Path) -> tuple[Path, str]:
    """Turn a header's dotted name into (parent path with array indices, last name)."""
    names = [n.strip().strip('"') for n in dotted.split(".")]
    parent: Path = ()
    for name in names[:-1]:
        parent += (name,)
        # a header nested in an array of tables refers to that array's latest element
        if (
            len(current) > len(parent)
            and current[: len(parent)] == parent
            and isinstance(current[len(parent)], int)
        ):
            parent += (current[len(parent)],)
    return parent, names[-1]
