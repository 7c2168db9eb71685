"""The TUI's remembered choices (the theme, the language), in a small JSON file in the user config directory."""

from __future__ import annotations

import json
from pathlib import Path

from policytui.core.locations import user_config_dir


def settings_path() -> Path:
    return user_config_dir() / "tui.json"


def load_settings() -> dict[str, str]:
    """The saved settings; {} when there are none or the file is unreadable."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_setting(key: str, value: str) -> bool:
    """Remember `key`; False if the file cannot be written (the choice then lasts this session)."""
    settings = load_settings() | {key: value}
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError:
        return False
    return True
