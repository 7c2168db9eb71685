"""The search index's costly part, kept with the library cache (core.cache) from one search
to the next: at 500 policies, working it out is 2 of a search's 2.5 seconds of CPU.

What is kept is each clause's sounds and the postings of pairs of sounds (index.Postings);
the index is put together around them with the library's own clauses. It is used only for
the same texts in the same order, the same titles, the same sound codes and the same core
code (its key, made of all of them, says so); otherwise, or when the file is damaged, the
index is built afresh and kept again. The unpickler makes nothing but arrays besides plain
strings, tuples and dicts, and the file is read only from the library cache's own directory.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from policytui.core.cache import LibraryCache, code_key

FILE_NAME = "search.index"

Postings = dict[str, "array[int]"]  # a pair of sound codes -> the numbers of the clauses holding it


@dataclass(frozen=True, slots=True)
class Worked:
    """What the index works out from the clauses' texts."""

    sounds: list[str]  # one sound code per character of each clause's text
    body: Postings
    title: Postings


def index_key(texts: Sequence[str], title_ends: Sequence[int], codes: str) -> bytes:
    """What the worked-out index depends on: the texts, where their titles end, the sound
    code of every character in them (`codes`) and the code that works it out."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((code_key(), [len(text) for text in texts], title_ends)).encode())
    digest.update(codes.encode())
    digest.update("".join(texts).encode())
    return digest.digest()


def recall(key: bytes) -> Worked | None:
    """The index worked out under `key` by an earlier run, if it is kept and whole."""
    library_cache = LibraryCache.open()
    payload = library_cache and library_cache.read_payload(_path(library_cache))
    if not payload:
        return None
    try:
        kept_key, sounds, body, title = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # whatever a damaged file does while being read, it is only a miss
        return None
    return Worked(sounds, body, title) if kept_key == key else None


def keep(key: bytes, worked: Worked) -> None:
    """Keep `worked` for the next run (nothing when the cache is off or cannot be written)."""
    library_cache = LibraryCache.open()
    if library_cache is not None:
        payload = pickle.dumps((key, worked.sounds, worked.body, worked.title), pickle.HIGHEST_PROTOCOL)
        library_cache.write_payload(_path(library_cache), payload)


def _path(library_cache: LibraryCache) -> str:
    return os.path.join(library_cache.directory, FILE_NAME)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "array" and name in ("array", "_array_reconstructor"):  # how an array pickles
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a search index")
