"""A large import's scratch file: the rows it has checked, kept on disk until the merge, and the uuids it has
read, per table (for duplicates and references), so memory stays flat at any file size.

A private SQLite file in a temporary folder, not the application's database: no journal, no sync (it is thrown
away with the import), an 8 MB page cache.
"""

from __future__ import annotations

import marshal
import pickle
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

_LIMIT = 900  # values per IN (...) query


class ImportScratch:
    """``remember`` a table's uuids (the repeats come back), ask which are ``known``, ``keep`` chunks of checked
    rows and read them back in order with ``kept``."""

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = path
        if create:
            self._db = sqlite3.connect(path, isolation_level=None)
        else:
            self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", isolation_level=None, uri=True)
        cache = 8000 if create else 1000  # KiB: a reader only walks the chunks in order
        for pragma in ("journal_mode = off", "synchronous = off", f"cache_size = -{cache}", "temp_store = file"):
            self._db.execute(f"PRAGMA {pragma}")
        if create:
            self._db.execute("CREATE TABLE seen (t TEXT, u TEXT, line INTEGER, PRIMARY KEY (t, u)) WITHOUT ROWID")
            self._db.execute("CREATE TABLE chunk (n INTEGER PRIMARY KEY, t TEXT, pickled INTEGER, data BLOB)")
        self._chunks = 0

    @classmethod
    def reading(cls, path: Path) -> ImportScratch:
        """The scratch file another process filled, opened read-only (to read its ``kept`` chunks)."""
        return cls(path, create=False)

    def remember(self, table: str, uuids: Sequence[str], lines: Sequence[int]) -> list[tuple[int, str, int]]:
        """Note ``uuids`` (at Excel ``lines``) as read in ``table``; returns (line, uuid, first line) for each
        one read before (earlier in the file, or earlier in ``uuids``)."""
        db = self._db
        before = db.total_changes
        db.execute("BEGIN")
        db.executemany("INSERT INTO seen (t, u, line) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       zip([table] * len(uuids), uuids, lines, strict=True))
        db.execute("COMMIT")
        if db.total_changes - before == len(uuids):
            return []
        first: dict[str, int] = {}
        for start in range(0, len(uuids), _LIMIT):
            part = list(dict.fromkeys(uuids[start:start + _LIMIT]))
            first.update(db.execute(f"SELECT u, line FROM seen WHERE t = ? AND u IN ({','.join('?' * len(part))})",
                                    [table, *part]).fetchall())
        return [(line, u, first[u]) for u, line in zip(uuids, lines, strict=True) if first[u] != line]

    def known(self, table: str, uuids: Sequence[str]) -> set[str]:
        """Those of ``uuids`` read in ``table`` so far."""
        found: set[str] = set()
        for start in range(0, len(uuids), _LIMIT):
            part = uuids[start:start + _LIMIT]
            found.update(u for (u,) in self._db.execute(
                f"SELECT u FROM seen WHERE t = ? AND u IN ({','.join('?' * len(part))})", [table, *part]))
        return found

    def keep(self, table: str, chunk: Any) -> None:
        """Put a chunk of ``table``'s checked rows aside (any picklable value). Plain values (lists, tuples, str,
        int, None: what a checked row holds) go in ``marshal``'s form, which writes and reads them back about a
        third faster than pickle (the file is read back by this same program and thrown away)."""
        self._chunks += 1
        try:
            data, pickled = marshal.dumps(chunk), 0
        except ValueError:  # a value marshal does not take (Decimal, date…)
            data, pickled = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL), 1
        self._db.execute("INSERT INTO chunk (n, t, pickled, data) VALUES (?, ?, ?, ?)",
                         (self._chunks, table, pickled, data))

    def kept(self, table: str) -> Iterator[Any]:
        """``table``'s chunks in the order they were kept, one at a time."""
        n = 0
        while True:
            row = self._db.execute("SELECT n, pickled, data FROM chunk WHERE t = ? AND n > ? ORDER BY n LIMIT 1",
                                   (table, n)).fetchone()
            if row is None:
                return
            n = row[0]
            yield pickle.loads(row[2]) if row[1] else marshal.loads(row[2])

    def close(self, remove: bool = True) -> None:
        """Close the file, and (its owner) delete it."""
        self._db.close()
        if remove:
            self.path.unlink(missing_ok=True)
