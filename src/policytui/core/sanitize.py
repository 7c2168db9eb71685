"""Make text from data files safe to put on a terminal or a clipboard.

Terminal escape sequences (CSI, OSC, DCS, …) and control characters other than
newline and tab are removed; printable text, markup-looking brackets included,
is kept exactly (the UI renders it as plain text, never as markup).
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
# C0 and C1 controls, DEL, and bidi overrides that can disguise text; \t and \n stay.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """`text` without escape sequences or control characters (\\r\\n becomes \\n)."""
    text = text.replace("\r\n", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def is_clean(text: str) -> bool:
    return clean_text(text) == text
