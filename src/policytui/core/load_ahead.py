"""The library, loaded ahead in a thread from before the browser imports Textual.

Importing Textual is most of the browser's start. When the cache cannot serve every file
at once, reading them meanwhile in a thread, instead of after the import, means the texts
are in before the first screen is made, which is then built with them: one paint, as
from a warm cache. With the cache on, only the texts are read ahead (the files of
file_kinds.TEXT_PASSES: topics, policies, synonyms, which every screen shows); the whole
library is loaded after the first paint and finds them in the cache.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from policytui.core import loader
from policytui.core.cache import LibraryCache, load_if_warm
from policytui.core.file_kinds import TEXT_PASSES
from policytui.core.locations import DataDir
from policytui.core.model import Library, Problem


class LoadAhead:
    """`warm`: the library, when the cache held all of it, unchanged (read at once). Else a
    thread reads it (`texts_only`: the texts alone) and `result()` waits for it."""

    def __init__(self, dirs: Sequence[DataDir]) -> None:
        self.warm = _warm(dirs)
        self.texts_only = False
        self._read: Library | None = None
        self._thread: threading.Thread | None = None
        if self.warm is None:
            self.texts_only = LibraryCache.open() is not None
            # imported here, so that the thread imports nothing while Textual is imported
            # (bar rapidfuzz, for the suggestion in a problem): two threads importing one
            # module at once wait on each other
            import tomli  # noqa: F401

            from policytui.core import library_readers, schema  # noqa: F401
            from policytui.core.search import synonyms  # noqa: F401

            self._thread = threading.Thread(target=self._load, args=(dirs,), name="load-ahead", daemon=True)
            self._thread.start()

    def _load(self, dirs: Sequence[DataDir]) -> None:
        self._read = load(dirs, TEXT_PASSES if self.texts_only else None)

    def done(self) -> bool:
        """Whether result() would return at once."""
        return self._thread is None or not self._thread.is_alive()

    def result(self) -> Library:
        """The library (the texts alone if texts_only), once it is read."""
        if self._thread is not None:
            self._thread.join()
        library = self.warm or self._read
        assert library is not None  # the thread always leaves one
        return library


def load(dirs: Sequence[DataDir], passes: int | None = None) -> Library:
    """loader.load_library, never raising: a failure is a library that holds why (load.failed)."""
    try:
        return loader.load_library(dirs=dirs, passes=passes)
    except Exception as error:  # the loader reports problems itself; this is the last guard
        return Library(problems=[Problem("", "load.failed", {"error": f"{type(error).__name__}: {error}"})])


def _warm(dirs: Sequence[DataDir]) -> Library | None:
    try:
        return load_if_warm(dirs)
    except Exception:  # the cache is only a shortcut: the files are read as usual
        return None
