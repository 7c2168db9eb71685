"""Write an export to a file: never over an existing file unless told, never half-written."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_export(path: str | Path, content: str, *, overwrite: bool = False, bom: bool = False) -> Path:
    """Write `content` as UTF-8 (with a byte-order mark when `bom`, which Excel needs for Chinese CSV).

    Raises FileExistsError if `path` exists and `overwrite` is false. The text goes
    to a temporary file in the same directory first and is then renamed over
    `path`, so a reader never sees a partial file and a failure leaves none.
    """
    path = Path(path).expanduser()
    if path.exists() and not overwrite:
        raise FileExistsError(str(path))
    if path.is_dir():
        raise IsADirectoryError(str(path))
    # mkstemp makes the file private; an export is an ordinary document (or keeps the old file's mode)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp_name, mode)
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
