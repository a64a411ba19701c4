"""A large import's run of short transactions on SQLite: the write-ahead log is folded back on a thread of its
own meanwhile (nobody's commit pays for it), the page cache is smaller, and the usual settings come back."""

from __future__ import annotations

import threading
import time

import pytest

from frontdesk.db.connection import bulk_writes, database, is_sqlite, transaction


def _pragma(name: str) -> int:
    return database.obj.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_the_log_is_folded_back_beside_the_writes_and_the_settings_come_back(paths):
    if not is_sqlite():
        pytest.skip("SQLite's write-ahead log")
    database.obj.execute_sql("CREATE TABLE bulk_probe (n INTEGER, filler TEXT)")
    usual = (_pragma("wal_autocheckpoint"), _pragma("cache_size"))
    database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = paths.database.stat().st_size
    with bulk_writes(every=0.01, cache_kib=4_000):
        assert _pragma("wal_autocheckpoint") == 0 and _pragma("cache_size") == -4_000
        assert any(t.name == "wal-checkpoint" for t in threading.enumerate())
        for k in range(20):
            with transaction():
                database.obj.execute_sql("INSERT INTO bulk_probe VALUES (?, ?)", (k, "x" * 3000))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and paths.database.stat().st_size < before + 60_000:
            time.sleep(0.02)  # no checkpoint asked for here: the folding thread copies the pages back
        assert paths.database.stat().st_size >= before + 60_000
    assert (_pragma("wal_autocheckpoint"), _pragma("cache_size")) == usual
    assert not any(t.name == "wal-checkpoint" for t in threading.enumerate())
    assert database.obj.execute_sql("SELECT count(*) FROM bulk_probe").fetchone()[0] == 20
