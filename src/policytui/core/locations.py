"""Where policy data comes from: the bundled files, the user's, and those named at run time."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "POLICYTUI_DATA"
APP_NAME = "policytui"


@dataclass(frozen=True, slots=True)
class DataDir:
    path: Path
    origin: str  # bundled | user | env | option


def bundled_data_dir() -> Path:
    """policytui/data inside an installed wheel; the repository's data/ in a checkout."""
    package_root = Path(__file__).resolve().parent.parent
    installed = package_root / "data"
    return installed if installed.is_dir() else package_root.parent.parent / "data"


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def data_dirs(
    extra: Sequence[str | Path] = (),
    *,
    env: Mapping[str, str] | None = None,
    bundled: bool = True,
    user: bool = True,
) -> list[DataDir]:
    """All data directories in load order: bundled, user, $POLICYTUI_DATA, then --data."""
    env = os.environ if env is None else env
    dirs: list[DataDir] = []
    if bundled:
        dirs.append(DataDir(bundled_data_dir(), "bundled"))
    if user:
        dirs.append(DataDir(user_data_dir(), "user"))
    dirs += [DataDir(Path(p), "env") for p in env.get(ENV_VAR, "").split(os.pathsep) if p]
    dirs += [DataDir(Path(p), "option") for p in extra]
    return dirs
