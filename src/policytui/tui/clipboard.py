"""The one copy helper: every copy action (a clause, a comparison, the matrix, a calculation,
the export dialog) goes to the terminal's clipboard (OSC 52), to a system clipboard tool
where one is installed, and to a file in the user cache directory, since no terminal reports
whether OSC 52 worked. A notification says what was copied and where it went."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from textual.app import App

from policytui.core.locations import APP_NAME
from policytui.core.model import Clause, Library
from policytui.core.sanitize import clean_text
from policytui.core.status import policy_status
from policytui.i18n import status_warnings, t
from policytui.render.status import status_text

# Tried in order; the first one installed is used.
SYSTEM_TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
    ("clip.exe",),
)


def clause_as_text(clause: Clause, library: Library, as_of: date, lang: str) -> str:
    """Heading, verbatim text, the policy it comes from and its status as of `as_of`."""
    policy = library.policy_of(clause)
    status = policy_status(policy, as_of)
    lines = [
        clause.heading,
        clause.text,
        "",
        f"{t('copy.source', lang)}{t('punct.colon', lang)}{t('punct.title', lang, title=policy.display_title)} {clause.id}",
        t("field.status", lang)
        + t("punct.colon", lang)
        + status_text(status, lang)
        + t("punct.notes", lang, notes=t("status.as_of", lang, date=as_of.isoformat())),
        *status_warnings(status, policy.display_title, lang),
    ]
    # The text was cleaned at load; cleaning again guards the clipboard against anything
    # added since (a heading built from a label, a user's policy title).
    return clean_text("\n".join(lines))


def copy_file() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "clipboard.txt"


def _save(text: str) -> Path | None:
    path = copy_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return path


def _system_copy(text: str) -> str | None:
    """The name of the system tool that took the text, or None."""
    for command in SYSTEM_TOOLS:
        if shutil.which(command[0]) is None:
            continue
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8"),
                timeout=2,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return command[0]
    return None


def copy_text(app: App[object], text: str, what: str, lang: str) -> None:
    """Copy `text` every way there is and say which happened; `what` names it in the note."""
    app.copy_to_clipboard(text)
    tool = _system_copy(text)
    path = _save(text)
    where = t(
        "copy.where",
        lang,
        tool=t("copy.tool", lang, tool=tool) if tool else "",
        path=path if path else t("copy.no_file", lang),
    )
    app.notify(where, title=t("copy.done", lang, heading=what), markup=False)


def copy_clause(app: App[object], clause: Clause, library: Library, as_of: date, lang: str) -> str:
    text = clause_as_text(clause, library, as_of, lang)
    copy_text(app, text, clause.heading, lang)
    return text
