"""The importer's messages in words: its review marks, its files' comments, why a source is refused.

The importer (core.importer) returns message keys with their values; this is where they
become a language.
"""

from __future__ import annotations

from policytui.core.importer.decoding import SourceError
from policytui.core.importer.records import Mark, Wording
from policytui.i18n import t


def mark_words(lang: str) -> Wording:
    """A mark or a file comment in `lang`, for ImportedPolicy.files."""

    def words(message: Mark) -> str:
        return t(message.key, lang, **dict(message.values))

    return words


def source_error_words(error: SourceError, lang: str) -> str:
    """The one line that says why the source cannot be imported."""
    return t(error.key, lang, accepted=t("import.accepted", lang), **error.values)
