"""A cache of the loaded library in the user's cache directory, one entry per data file.

Reading a policy file means parsing its TOML and checking every text against its source:
tens of milliseconds each, seconds for a few hundred. An entry holds what one file added
to the library (a policy, topics, rules or synonyms, and the problems found in it, so the
warnings still show), keyed by the size and mtime of the file and of the source text it
quotes, by the code that read it (policytui's and Python's versions, the core modules), and
by what the file was checked against (the topics for a policy, the policies for rules).
Any mismatch, or a damaged entry, and the file is read again and its entry rewritten
atomically. A cache that cannot be written is no error: the library loads all the same.
The entry of a data file that is gone is deleted by the next load; the checks that depend
on every file (loader.check_loaded) are kept apart, under the stats of all of them.

Why pickle: the records are frozen dataclasses of Decimal, date and Path, and pickle
rebuilds them about twice as fast as going through plain data (marshal or JSON) and
constructing them again. Why it is safe to read:
- entries are read only from a directory policytui made for itself, owned by the user and
  writable by no one else; otherwise the cache is not used at all;
- every entry carries a checksum of its bytes (CRC-32), so damage is found before unpickling;
- the unpickler makes nothing but policytui's own records, Decimal, date and paths: any
  other global is refused, so even a crafted entry can call no other code;
- anything that goes wrong while reading an entry makes it a miss, never an error.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import io
import os
import pickle
import sys
import zlib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path, PosixPath, PurePosixPath, PureWindowsPath, WindowsPath
from typing import TYPE_CHECKING, Any, Literal, overload

from policytui import __version__
from policytui.core import model
from policytui.core.loader import (
    ParsedFile,
    add_file,
    check_loaded,
    checked_once_loaded,
    data_files,
    load_pass,
    parse_file,
)
from policytui.core.locations import APP_NAME, DataDir
from policytui.core.model import Library, Problem

if TYPE_CHECKING:  # calc.rules is imported only when the rules of an entry are read
    from policytui.core.calc.rules import Rule

DISABLE_VAR = "POLICYTUI_NO_CACHE"  # set to anything: load every file afresh, write nothing
FORMAT = 3  # bump when an entry's layout changes (2: rules apart; 3: Problem holds a code and params)
MAGIC = b"policytui-cache\x00" + bytes([FORMAT])
CHECKSUM_SIZE = 4
SHARED_LENGTH = 40  # strings up to this long are stored once however often they occur
ENTRY_SUFFIX = ".entry"
SOURCE_END = b"\x00"  # an entry's payload: the data file's absolute path, this, the pickled Entry
SOURCE_HEAD = 4096  # bytes enough for the path
CHECKED_ONCE_LOADED = "checked-once-loaded.cache"  # see LibraryCache._checked_once_loaded

Stat = tuple[str, int, int]  # absolute path, size, mtime in ns; (path, -1, -1) if it does not exist
CodeKey = tuple[int, str, str, tuple[Stat, ...]]  # format, version, Python's version, core modules


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "library"


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """What one data file added to the library, and what that depended on."""

    code: CodeKey  # the code that read it: see code_key()
    deps: tuple[Stat, ...]  # the file itself first, then the source text it quotes
    context: object  # what it was checked against (see LibraryCache._context)
    kind: str | None  # as ParsedFile.kind
    readable: bool  # False: not UTF-8 or not TOML; `problems` says why
    claims: str | None = None  # the policy id the file gives: it must not be loaded already
    policies: tuple[model.Policy, ...] = ()
    topics: tuple[model.Topic, ...] = ()
    rule_ids: tuple[str, ...] = ()
    rules: bytes = b""  # the rules pickled apart, read when the library's rules are first asked for
    synonyms: tuple[model.Synonym, ...] = ()
    problems: tuple[Problem, ...] = ()

    def replay(self, library: Library) -> None:
        library.policies.update((policy.id, policy) for policy in self.policies)
        library.topics.update((topic.id, topic) for topic in self.topics)
        if self.rule_ids:
            library.defer_rules(self.rule_ids, self._read_rules)
        library.synonyms += self.synonyms
        library.problems += self.problems

    def _read_rules(self) -> tuple[Rule, ...]:
        # checked whole with the entry (its checksum) and unpickled as safely as the entry
        rules: tuple[Rule, ...] = _RecordUnpickler(io.BytesIO(self.rules)).load()
        return rules


class LibraryCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._writable = True
        self._policy_deps: dict[str, tuple[Stat, ...] | None] = {}  # None: its source is no path
        self._contexts: dict[tuple[str | None, int], object] = {}

    @classmethod
    def open(cls) -> LibraryCache | None:
        """The cache, or None when it is switched off or its directory is not safely ours."""
        if os.environ.get(DISABLE_VAR):
            return None
        directory = cache_dir()
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            pass  # a read-only place: entries already there can still be read
        return cls(directory) if _owned_by_us(directory) else None

    @overload
    def load(
        self,
        found: Sequence[tuple[Path, str] | Problem],
        warm_only: Literal[False] = False,
        passes: int | None = None,
    ) -> Library: ...

    @overload
    def load(
        self, found: Sequence[tuple[Path, str] | Problem], warm_only: bool, passes: int | None = None
    ) -> Library | None: ...

    def load(
        self, found: Sequence[tuple[Path, str] | Problem], warm_only: bool = False, passes: int | None = None
    ) -> Library | None:
        """The library of the files in `found` (see loader.data_files), from the cache where it
        is up to date. With `warm_only`, None as soon as one file would have to be read; with
        `passes`, only the files of the first load passes (see loader.load_library)."""
        library = Library()
        pending: list[tuple[Path, str, Entry | ParsedFile]] = []
        used: set[str] = set()  # the entries of these files: see _prune
        for item in found:  # as loader.load_files: unreadable files first, in order
            if isinstance(item, Problem):
                library.problems.append(item)
                continue
            path, origin = item
            entry_path = self._entry_path(path)
            used.add(entry_path)
            read: Entry | ParsedFile | None = self._read(path, entry_path)
            if read is None:
                if warm_only:
                    return None
                read = self._parse(path, origin)
            if isinstance(read, Entry) and not read.readable:
                library.problems += read.problems
                continue
            pending.append((path, origin, read))
            library.files.append(path)
        for path, origin, read in sorted(pending, key=lambda p: load_pass(p[2].kind)):
            if passes is not None and load_pass(read.kind) >= passes:
                return library
            context = self._context(read.kind, library)
            if isinstance(read, Entry):
                if read.context == context and read.claims not in library.policies:
                    read.replay(library)
                    self._policy_deps.update((p.id, read.deps) for p in read.policies)
                    continue
                if warm_only:
                    return None
                parsed = parse_file(path, origin)
                if isinstance(parsed, Problem):  # changed since it was checked a moment ago
                    library.problems.append(parsed)
                    continue
                read = parsed
            self._add_and_store(library, read, context)
        if any(checked_once_loaded(read.kind, origin) for _, origin, read in pending):
            self._check_loaded(library, pending)
        self._prune(used)
        return library

    def _check_loaded(
        self, library: Library, pending: Sequence[tuple[Path, str, Entry | ParsedFile]]
    ) -> None:
        """loader.check_loaded, whose problems (a user's synonym that no text holds …) depend on
        every file: they are kept apart, under the stats of all of them."""
        deps = [read.deps if isinstance(read, Entry) else _deps(read) for _, _, read in pending]
        key = _fingerprint(repr((code_key(), deps)).encode())
        path = os.path.join(self.directory, CHECKED_ONCE_LOADED)
        payload = self.read_payload(path)
        try:
            kept = None if payload is None else _RecordUnpickler(io.BytesIO(payload)).load()
        except Exception:  # damaged: a miss, as an entry
            kept = None
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key:
            library.problems += kept[1]
            return
        late = [
            read if isinstance(read, ParsedFile) else parse_file(path, origin)
            for path, origin, read in pending
            if checked_once_loaded(read.kind, origin)
        ]
        before = len(library.problems)
        check_loaded(library, [f for f in late if isinstance(f, ParsedFile)])
        if None not in deps:
            self.write_payload(path, _pickled((key, tuple(library.problems[before:]))))

    def _prune(self, used: set[str]) -> None:
        """Delete the entries of data files that are gone. Only entries this load did not use
        are looked at (on most loads, none), and only their first bytes: the file they keep."""
        try:
            names = [name for name in os.listdir(self.directory) if name.endswith(ENTRY_SUFFIX)]
        except OSError:
            return
        if len(names) <= len(used):
            return
        for name in names:
            entry_path = os.path.join(self.directory, name)
            if entry_path in used:
                continue
            source = _source_of(entry_path)
            if source is None or not os.path.exists(source):
                try:  # one unlink: another process reading it meanwhile has it open, whole
                    os.unlink(entry_path)
                except OSError:
                    return  # read-only: leave the rest too

    def _parse(self, path: Path, origin: str) -> ParsedFile | Entry:
        """The parsed file, or the entry that keeps why it cannot be read."""
        parsed = parse_file(path, origin)
        if isinstance(parsed, ParsedFile):
            return parsed
        entry = Entry(code_key(), (_stat(path),), None, None, readable=False, problems=(parsed,))
        self._write(path, entry)
        return entry

    def _add_and_store(self, library: Library, parsed_file: ParsedFile, context: object) -> None:
        """Read one file into `library` and keep what it added as its entry."""
        before = (
            len(library.policies),
            len(library.topics),
            len(library.rules),
            len(library.synonyms),
            len(library.problems),
        )
        claims = _policy_id(parsed_file)
        clash = claims in library.policies
        add_file(library, parsed_file)
        policies = tuple(library.policies.values())[before[0] :]
        topics = tuple(library.topics.values())[before[1] :]
        rules = tuple(library.rules.values())[before[2] :]  # this file is read: so are those before
        synonyms = tuple(library.synonyms)[before[3] :]
        problems = tuple(library.problems)[before[4] :]
        deps = _deps(parsed_file)
        self._policy_deps.update((p.id, deps) for p in policies)
        if deps is None or clash:  # a clash depends on another file: read this one again next time
            return
        self._write(
            parsed_file.path,
            Entry(
                code_key(),
                deps,
                context,
                parsed_file.kind,
                True,
                claims,
                policies,
                topics,
                tuple(rule.id for rule in rules),
                _pickled(rules) if rules else b"",
                synonyms,
                problems,
            ),
        )

    def _context(self, kind: str | None, library: Library) -> object:
        """What a file of `kind` is checked against, as it stands in `library` now."""
        if kind == "topics":
            return tuple(library.topics)  # a topic defined again is a warning
        if kind == "policy":  # the topics are all in by then: computed once
            key = (kind, len(library.topics))
            if key not in self._contexts:
                self._contexts[key] = _fingerprint(repr(tuple(library.topics.values())).encode())
            return self._contexts[key]
        if kind == "rules":  # rules cite clauses and their figures; a rule defined again is a warning
            key = (kind, len(library.policies))
            if key not in self._contexts:
                self._contexts[key] = _fingerprint(
                    repr([(p, self._policy_deps.get(p)) for p in library.policies]).encode()
                )
            return self._contexts[key], library.rule_ids
        return None

    def _entry_path(self, path: Path) -> str:  # a str: hundreds of Path objects cost a warm start
        return os.path.join(self.directory, f"{_fingerprint(os.fsencode(_absolute(path)))}{ENTRY_SUFFIX}")

    def _read(self, path: Path, entry_path: str) -> Entry | None:
        """The entry of `path` (kept at `entry_path`) if it is intact, made by this code and its
        files are unchanged."""
        payload = self.read_payload(entry_path)
        if payload is None:
            return None
        source, _, records = payload.partition(SOURCE_END)
        if source != os.fsencode(_absolute(path)):  # another file's, of the same fingerprint
            return None
        try:
            entry = _RecordUnpickler(io.BytesIO(records)).load()
        except Exception:  # whatever a damaged entry does while being read, it is only a miss
            return None
        if not isinstance(entry, Entry) or entry.code != code_key() or not entry.deps:
            return None
        if entry.deps[0][0] != _absolute(path) or any(_stat(dep[0]) != dep for dep in entry.deps):
            return None
        return entry

    def _write(self, path: Path, entry: Entry) -> None:
        if self._writable:  # the data file's path first, for _prune to read alone
            payload = os.fsencode(_absolute(path)) + SOURCE_END + _pickled(entry)
            self.write_payload(self._entry_path(path), payload)

    def read_payload(self, path: str) -> bytes | None:
        """What the cache file at `path` holds, if it is there and whole (its checksum holds)."""
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError:
            return None
        header = len(MAGIC) + CHECKSUM_SIZE
        if data[: len(MAGIC)] != MAGIC or _checksum(data[header:]) != data[len(MAGIC) : header]:
            return None
        return data[header:]

    def write_payload(self, path: str, payload: bytes) -> None:
        """Keep `payload` in the cache file at `path`, with its checksum."""
        if not self._writable:
            return
        data = MAGIC + _checksum(payload) + payload
        temporary = None
        try:  # write aside, then rename: a reader sees the old entry or the new one, never half
            import tempfile  # only to write: a warm start needs it not

            descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except OSError:  # read-only or full: load without writing for the rest of this run
            self._writable = False
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)


def load_if_warm(dirs: Sequence[DataDir]) -> Library | None:
    """The library when every file of `dirs` is in the cache and unchanged, else None at once."""
    library_cache = LibraryCache.open()
    return None if library_cache is None else library_cache.load(data_files(dirs), warm_only=True)


@cache
def code_key() -> CodeKey:
    """The code that reads the files: versions, and the size and mtime of every core module
    (a checkout's code changes without a new version number)."""
    modules = [  # os.walk: half the time of Path.rglob, on every start
        _stat(os.path.join(folder, name))
        for folder, _, names in os.walk(os.path.dirname(os.path.abspath(__file__)))
        for name in names
        if name.endswith(".py")
    ]
    return FORMAT, __version__, sys.version, tuple(sorted(modules))


def _deps(parsed_file: ParsedFile) -> tuple[Stat, ...] | None:
    """The files an entry depends on: the data file, and for a policy the source it names.
    None if the source's name is not a path at all (then the entry is not kept)."""
    deps = [_stat(parsed_file.path)]
    policy = parsed_file.doc.get("policy")
    source = policy.get("source") if isinstance(policy, dict) else None
    if isinstance(source, str) and source:
        try:
            deps.append(_stat((parsed_file.path.parent / source).resolve()))
        except (OSError, ValueError):
            return None
    return tuple(deps)


def _policy_id(parsed_file: ParsedFile) -> str | None:
    policy = parsed_file.doc.get("policy")
    policy_id = policy.get("id") if isinstance(policy, dict) else None
    return policy_id if isinstance(policy_id, str) else None


def _absolute(path: Path | str) -> str:
    return os.path.abspath(path)


def _stat(path: Path | str) -> Stat:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return _absolute(path), -1, -1
    return _absolute(path), info.st_size, info.st_mtime_ns


def _source_of(entry_path: str) -> str | None:
    """The data file an entry was made from, read from its first bytes; None if it is no entry."""
    try:
        with open(entry_path, "rb") as file:
            head = file.read(len(MAGIC) + CHECKSUM_SIZE + SOURCE_HEAD)
    except OSError:
        return None
    source, found, _ = head[len(MAGIC) + CHECKSUM_SIZE :].partition(SOURCE_END)
    return os.fsdecode(source) if head.startswith(MAGIC) and found else None


def _checksum(data: bytes) -> bytes:
    return zlib.crc32(data).to_bytes(CHECKSUM_SIZE, "big")


def _fingerprint(data: bytes) -> str:
    """64 bits that change when `data` does (zlib is loaded already; hashlib would cost a start)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _owned_by_us(directory: Path) -> bool:
    """The directory exists, is the user's and only the user can write to it (POSIX)."""
    try:
        info = directory.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


# -- Pickling -------------------------------------------------------------------------------
# Plain values the records hold. Everything else must be a dataclass of the record modules.
_VALUES = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (Decimal, date, Path, PosixPath, WindowsPath, PurePosixPath, PureWindowsPath)
}
_RECORD_MODULES = ("policytui.core.model", "policytui.core.calc.rules", __name__)


def _pickled(records: object) -> bytes:
    buffer = io.BytesIO()
    _RecordPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(records)
    return buffer.getvalue()


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        found = _allowed_class(module, name)
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a policytui record")
        return found


@cache  # asked once per record in an entry: thousands of times for a few hundred policies
def _allowed_class(module: str, name: str) -> type | None:
    """The class `module`.`name` if an entry may hold it, else None."""
    if (module, name) in _VALUES:
        return _VALUES[module, name]
    if module in _RECORD_MODULES:
        record = getattr(importlib.import_module(module), name, None)
        if (
            isinstance(record, type)
            and record.__module__ == module
            and (dataclasses.is_dataclass(record) or issubclass(record, enum.Enum))
        ):
            return record  # a record, or one of the enumerations (RuleKind, Recipient, …) it holds
    return None


class _RecordPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        """A record as a call to its class with its fields: several times faster to load than
        the default state of a slotted dataclass (whose __setstate__ looks its fields up again
        for every object); a Policy rebuilds its own lookup tables."""
        record_class: type = obj.__class__
        fields = _constructor_fields(record_class)
        if fields is None:
            return NotImplemented
        return type(obj), tuple(_shared(getattr(obj, name)) for name in fields)


@cache
def _constructor_fields(cls: type) -> tuple[str, ...] | None:
    """The fields a record of `cls` is rebuilt from (its class's positional arguments; the
    private ones, such as a Policy's lookup tables, are left to their defaults), or None for
    anything that is not such a record."""
    if cls.__module__ not in _RECORD_MODULES or not dataclasses.is_dataclass(cls) or cls is Library:
        return None
    passed = [f for f in dataclasses.fields(cls) if f.init and not f.name.startswith("_")]
    left = [f for f in dataclasses.fields(cls) if f not in passed]
    if any(f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING for f in left):
        return None
    if any(f.kw_only for f in passed):  # its class takes them by name: the default state, then
        return None
    return tuple(f.name for f in passed)


def _shared(value: object) -> object:
    """Short strings interned, so that pickle stores each once (the same kind, topic or
    department in every clause) and the loaded library shares them."""
    if type(value) is str:  # not a StrEnum member (RuleKind …), which cannot be interned
        return sys.intern(value) if len(value) <= SHARED_LENGTH else value
    if isinstance(value, tuple) and all(type(item) is str for item in value):
        return tuple(_shared(item) for item in value)
    return value
