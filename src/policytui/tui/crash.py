"""What a user sees when the app meets a bug: one line, and the full report in a file."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path


def crash_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("policytui", appauthor=False) / "crash.log"


def write_crash_report() -> Path | None:
    """Append the exception being handled to the crash log; None if it cannot be written."""
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            log.write(traceback.format_exc())
    except OSError:
        return None
    return path


def crash_summary() -> str:
    error = sys.exc_info()[1]
    return f"{type(error).__name__}: {error}" if error else "unknown error"
