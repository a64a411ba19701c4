"""Expected environment problems become clear Chinese messages, and nothing half-saved stays."""

import sqlite3

import peewee
import pytest

from frontdesk.db.connection import database, transaction, translate_error
from frontdesk.db.models import Department
from frontdesk.errors import DatabaseBusy, StorageError


@pytest.mark.sqlite_only
def test_locked_database_is_a_clear_message_and_nothing_is_saved(paths, admin):
    other = sqlite3.connect(paths.database, timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    database.obj.execute_sql("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(DatabaseBusy) as info, transaction():
            Department.create(name="锁定时新建")
        assert "数据库正忙" in info.value.message
    finally:
        other.rollback()
        other.close()
    assert not Department.select().where(Department.name == "锁定时新建").exists()


@pytest.mark.parametrize(
    ("driver_message", "expected", "words"),
    [
        ("database or disk is full", StorageError, "磁盘空间已满"),
        ("attempt to write a readonly database", StorageError, "只读"),
        ("unable to open database file", StorageError, "无法打开数据库"),
        ("database is locked", DatabaseBusy, "数据库正忙"),
    ],
)
@pytest.mark.sqlite_only
def test_driver_errors_map_to_user_errors(driver_message, expected, words):
    mapped = translate_error(peewee.OperationalError(driver_message))
    assert isinstance(mapped, expected) and words in mapped.message


def test_a_bug_is_not_disguised():
    error = peewee.OperationalError("no such column: nonsense")
    assert translate_error(error) is error
