"""Make text from data files, file names and typed input safe to put on a terminal or a clipboard.

This is the one sanitiser: every string that leaves the program passes it.
Data text (`clean_text`) loses terminal escape sequences, control characters
and the invisible characters that can disguise text (bidi controls, zero-width
characters, LRM/RLM/ALM); printable text, markup-looking brackets included, is
kept exactly (the UI renders it as plain text, never as markup). A message
(`one_line`) is for one line of stderr or a notice: there the same characters
are shown as visible escapes (\\x1b, \\u202e), so the reader sees what is in
the file, and a long value is cut.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC (ESC ] … BEL or ST),
# and two-character escapes; also their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]              # CSI
  | \x1b[\]PX^_].*?(?:\x07|\x1b\\|$)     # OSC, DCS, SOS, PM, APC up to BEL or ST
  | \x1b[@-Z\\-_]                        # other two-character escapes
  | \x9b[0-?]*[ -/]*[@-~]                # 8-bit CSI
  | [\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x9c|$)   # 8-bit string controls
    """,
    re.VERBOSE | re.DOTALL,
)
# Invisible characters that reorder or hide text: ALM, zero-width space/joiners, LRM/RLM,
# the bidi embeddings, overrides and isolates, word joiner and invisible operators, BOM.
_INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
# C0 and C1 controls and DEL (\t and \n stay in data text), and the invisible characters.
_CONTROLS = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
# What a one-line message shows escaped: all of the above, \t, \n and the Unicode line separators.
_UNSAFE_IN_LINE = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029{_INVISIBLE}]")
# The Unicode line and paragraph separators break a line like \n does.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})

MESSAGE_VALUE_LIMIT = 80  # characters of a value quoted in a message


def clean_text(text: str) -> str:
    """`text` without escape sequences, control or invisible characters (\\r\\n and U+2028 become \\n)."""
    text = text.replace("\r\n", "\n").translate(_SEPARATORS)
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """`text` for one line of a terminal: every control or invisible character shown as an escape."""
    return _UNSAFE_IN_LINE.sub(_visible_escape, text)


def shorten(text: str, limit: int = MESSAGE_VALUE_LIMIT) -> str:
    """A value to quote in a message: on one line, and cut when it is long."""
    line = one_line(text)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _visible_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
