"""A save queued behind another writer (a long import's short transactions) asks for SQLite's write lock every
few milliseconds, so it gets in during the writer's short breaks, and still gives up with the busy message at
the connection's timeout."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from frontdesk.db import connection
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Department
from frontdesk.errors import DatabaseBusy

pytestmark = pytest.mark.sqlite_only


class Importer(threading.Thread):
    """Holds the write lock ``hold`` seconds at a time with ``gap`` seconds free between, like a large import."""

    def __init__(self, path: str, hold: float, gap: float) -> None:
        super().__init__(daemon=True)
        self.path, self.hold, self.gap = path, hold, gap
        self.stop, self.breaks, self.holding = threading.Event(), 0, threading.Event()

    def run(self) -> None:
        own = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            while not self.stop.is_set():
                own.execute("BEGIN IMMEDIATE")
                self.holding.set()
                time.sleep(self.hold)
                own.execute("COMMIT")
                self.breaks += 1
                time.sleep(self.gap)
        finally:
            own.close()


def test_a_save_behind_a_long_import_gets_in_at_one_of_its_first_short_breaks(paths, admin):
    writer = Importer(str(paths.database), hold=0.25, gap=0.05)
    writer.start()
    try:
        assert writer.holding.wait(5)
        with transaction():
            Department.create(name="导入时新建")
        breaks = writer.breaks
    finally:
        writer.stop.set()
        writer.join()
    assert Department.select().where(Department.name == "导入时新建").exists()
    # SQLite's busy handler sleeps 100 ms at a time by then, and would mostly sleep through 50 ms breaks
    assert breaks <= 3
    assert database.obj.execute_sql("PRAGMA busy_timeout").fetchone()[0] == connection.BUSY_TIMEOUT_MS


def test_a_save_gives_up_at_the_connections_timeout_with_the_busy_message(paths, admin):
    other = sqlite3.connect(paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    database.obj.execute_sql("PRAGMA busy_timeout = 200")
    began = time.perf_counter()
    try:
        with pytest.raises(DatabaseBusy), transaction():
            Department.create(name="锁住时新建")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert time.perf_counter() - began >= 0.2  # it kept asking until then
    assert database.obj.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 200  # left as it was
    assert not Department.select().where(Department.name == "锁住时新建").exists()
    with transaction():
        Department.create(name="之后新建")
    assert Department.select().where(Department.name == "之后新建").exists()


def test_a_nested_unit_of_work_joins_the_outer_one(paths, admin):
    with transaction():
        Department.create(name="外层")
        with pytest.raises(ValueError), transaction():
            Department.create(name="内层")
            raise ValueError("撤销内层")
    names = {d.name for d in Department.select()}
    assert "外层" in names and "内层" not in names
