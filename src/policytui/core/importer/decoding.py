"""Turn the bytes of a policy text into a str, or say in one line why they are not one.

Government texts come as UTF-8 (often with a BOM, from Windows tools) or as
GB18030/GBK. Nothing else is guessed at: a wrong guess would put mojibake into
the `text` fields, which are meant to be the source's own words.
"""

from __future__ import annotations

import re
import unicodedata

from policytui.core.sanitize import clean_text

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CJK_OR_PUNCTUATION = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2000-\u206f\u00b7]")


class SourceError(ValueError):
    """The source cannot be imported: a message key (import.error.*) and its values, for the one
    line the user sees (worded by render.importer.source_error_words)."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def decode_source(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) of a policy text; SourceError when it is not one."""
    if not raw.strip():
        raise SourceError("import.error.empty")
    if raw.startswith(_UTF16_BOMS):
        raise SourceError("import.error.utf16")
    if b"\x00" in raw:
        raise SourceError("import.error.binary")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _looks_chinese(text):
            break
        return clean_text(text), "UTF-8" if encoding == "utf-8-sig" else "GB18030"
    raise SourceError("import.error.encoding")


def _looks_chinese(text: str) -> bool:
    """Whether a GB18030 reading is Chinese text rather than another encoding read wrongly."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    plausible = sum(
        1 for ch in wide if _CJK_OR_PUNCTUATION.match(ch) and unicodedata.category(ch) != "Co"
    )  # private-use: bytes GB18030 maps but no text uses
    # Chinese prose has its commas and full stops; Shift_JIS or Big5 read as GB18030 rarely does
    return plausible / len(wide) >= 0.9 and any(mark in text for mark in "，。、")
