"""Write an export to a file: never over an existing file unless told, never half-written,
never through a symlink or into a FIFO or device."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class NotRegularFileError(OSError):
    """The output path holds a symlink, FIFO, device or socket, which an export never replaces."""


def write_export(path: str | Path, content: str, *, overwrite: bool = False, bom: bool = False) -> Path:
    """Write `content` as UTF-8 (with a byte-order mark when `bom`, which Excel needs for Chinese CSV).

    Raises FileExistsError if anything is at `path` (a dangling symlink too) and
    `overwrite` is false; when it is true, IsADirectoryError for a directory and
    NotRegularFileError for anything else but a regular file. The text goes to
    a temporary file in the same directory first and is then renamed over `path`,
    so a reader never sees a partial file and a failure leaves none.
    """
    path = Path(path).expanduser()
    try:
        existing = path.lstat()  # lstat: the symlink itself, not what it points at
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if not overwrite:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
        if stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(existing.st_mode):
            raise NotRegularFileError(errno.EEXIST, "not a regular file", str(path))
    # mkstemp makes the file private; an export is an ordinary document (or keeps the old file's mode)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
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


def _umask() -> int:
    """The process's umask: reading it means setting it, so it is set straight back."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
