"""Turn the bytes of a policy text into a str, or say in one line why they are not one.

Government texts come as UTF-8 (often with a BOM, from Windows tools) or as
GB18030/GBK. Nothing else is guessed at: a wrong guess would put mojibake into
the `text` fields, which are meant to be the source's own words.
"""

from __future__ import annotations

import re
import unicodedata

from policytui.core.sanitize import clean_text

ACCEPTED = "UTF-8 (with or without BOM) or GB18030/GBK"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CJK_OR_PUNCTUATION = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2000-\u206f\u00b7]")


class SourceError(ValueError):
    """The source cannot be imported; the message is the one line the user sees."""


def decode_source(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) of a policy text; SourceError when it is not one."""
    if not raw.strip():
        raise SourceError("the file is empty (expected the text of a policy)")
    if raw.startswith(_UTF16_BOMS):
        raise SourceError(f"the file is UTF-16 text; save it as {ACCEPTED}")
    if b"\x00" in raw:
        raise SourceError("the file is binary, not text (expected the text of a policy "
                          f"in {ACCEPTED}; extract the text of a PDF or Word file first)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _looks_chinese(text):
            break
        return clean_text(text), "UTF-8" if encoding == "utf-8-sig" else "GB18030"
    raise SourceError(f"the file's encoding is not recognised (expected {ACCEPTED})")


def _looks_chinese(text: str) -> bool:
    """Whether a GB18030 reading is Chinese text rather than another encoding read wrongly."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    plausible = sum(1 for ch in wide if _CJK_OR_PUNCTUATION.match(ch)
                    and unicodedata.category(ch) != "Co")  # private-use: bytes GB18030 maps but no text uses
    return plausible / len(wide) >= 0.9
