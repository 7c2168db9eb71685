"""The TUI's remembered choices (the theme, the language), in a small JSON file in the user config directory.

The file is read only when it is a regular file (never through a symlink, never
a FIFO that would block the start), and written atomically, never through a symlink.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from policytui.core.locations import user_config_dir

MAX_SETTINGS_BYTES = 64 * 1024  # a few keys; anything larger is not ours


def settings_path() -> Path:
    return user_config_dir() / "tui.json"


def load_settings() -> dict[str, str]:
    """The saved settings; {} when there are none or the file is unreadable or not a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(settings_path(), flags)
    except OSError:
        return {}
    try:
        with os.fdopen(handle, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SETTINGS_BYTES:
                return {}
            data = json.loads(file.read().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_setting(key: str, value: str) -> bool:
    """Remember `key`; False if the file cannot be written (the choice then lasts this session),
    as when something other than a regular file is in its place."""
    # here: importing it loads the whole compare package (rapidfuzz too), which a start needs not
    from policytui.core.compare.files import write_export

    settings = load_settings() | {key: value}

    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_export(path, json.dumps(settings, ensure_ascii=False, indent=2) + "\n", overwrite=True)
    except OSError:
        return False
    return True
