"""Database construction, migrations, synced records, money fields."""

from decimal import Decimal

import pytest

from frontdesk.db import migrations
from frontdesk.db.backup import list_backups
from frontdesk.db.connection import database, open_database
from frontdesk.db.fields import MoneyField, to_money
from frontdesk.db.models import Department, SchemaVersion
from frontdesk.db.models.base import BaseModel
from frontdesk.services.core import system
from frontdesk.settings import Settings


@pytest.mark.sqlite_only
def test_pragmas_set_on_every_connection(paths):
    db = database.obj
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10_000
    db.close()
    db.connect()
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_fresh_database_is_at_latest_version(paths):
    assert migrations.schema_version() == migrations.LATEST_VERSION
    assert migrations.pending_migrations() == []
    assert migrations.migrate(paths.backups) == []


@pytest.mark.sqlite_only  # the backup before migrating is of the file
def test_migration_backs_up_first_and_is_atomic(paths, admin, monkeypatch):
    def broken(db):
        db.execute_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("step failed")

    step = migrations.Migration(migrations.LATEST_VERSION + 1, "broken", broken)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "LATEST_VERSION", step.version)
    with pytest.raises(RuntimeError):
        migrations.migrate(paths.backups)
    assert not database.obj.table_exists("half_done")
    assert migrations.schema_version() == step.version - 1
    assert [b.reason for b in list_backups(paths.backups)] == [f"before-v{step.version}"]


def test_good_migration_records_version(paths, admin, monkeypatch):
    step = migrations.Migration(
        migrations.LATEST_VERSION + 1, "add table", lambda db: db.execute_sql("CREATE TABLE extra (x INTEGER)")
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "LATEST_VERSION", step.version)
    assert migrations.migrate(paths.backups) == [step.version]
    assert SchemaVersion.get_by_id(step.version).name == "add table"


def test_newer_database_is_refused(paths, monkeypatch):
    from frontdesk.errors import UserError

    SchemaVersion.create(version=999, name="future")
    with pytest.raises(UserError, match="升级"):
        migrations.migrate(paths.backups)


def test_synced_model_carries_identity_and_revision(admin):
    dept = Department.create(name="工程部")
    assert len(dept.uuid) == 36 and dept.site_code == "S01" and dept.revision == 1 and not dept.deleted
    created = dept.updated_at
    dept.note = "改"
    dept.save()
    again = Department.get_by_id(dept.id)
    assert again.revision == 2 and again.updated_at >= created


class Price(BaseModel):
    amount = MoneyField()


def test_money_is_exact_decimal(paths):
    database.obj.create_tables([Price])
    Price.create(amount=Decimal("0.1") + Decimal("0.2"))
    Price.create(amount="1999.995")
    values = [p.amount for p in Price.select().order_by(Price.id)]
    assert values == [Decimal("0.30"), Decimal("2000.00")]
    assert all(isinstance(v, Decimal) for v in values)
    with pytest.raises(TypeError):
        to_money(0.3)


def test_reopen_keeps_data(paths, admin):
    Department.create(name="保洁部")
    open_database(system.database_target(paths, Settings.load(paths.settings_file)))
    assert Department.select().where(Department.name == "保洁部").count() == 1


def test_a_step_added_below_the_newest_is_still_applied(paths, admin, monkeypatch):
    """Two modules developed side by side: 6 landed and ran before 5 did; 5 must still run."""
    top = migrations.LATEST_VERSION
    five = migrations.Migration(top + 1, "five", lambda db: db.execute_sql("CREATE TABLE five (x INTEGER)"))
    six = migrations.Migration(top + 2, "six", lambda db: db.execute_sql("CREATE TABLE six (x INTEGER)"))
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, six])
    monkeypatch.setattr(migrations, "LATEST_VERSION", six.version)
    assert migrations.migrate(paths.backups) == [six.version]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:-1], five, six])
    assert migrations.pending_migrations() == [five]
    assert migrations.migrate(paths.backups) == [five.version]
    assert database.obj.table_exists("five")


@pytest.mark.sqlite_only  # ANALYZE's statistics per index are SQLite's (sqlite_stat1)
def test_a_large_database_is_analysed_in_short_statements_to_the_same_statistics(admin, monkeypatch):
    from contextlib import contextmanager

    from frontdesk.db import connection

    for i in range(30):
        Department.create(name=f"部门{i}", note="备注" if i % 3 else "")
    db = database.obj

    def stats() -> list[tuple]:
        return sorted(db.execute_sql("SELECT tbl, idx, stat FROM sqlite_stat1").fetchall())

    statements = []

    @contextmanager
    def each():  # noqa: ANN202
        statements.append(1)
        yield

    connection.analyze(each)
    whole = stats()
    assert len(statements) == 1 and ("department", "department_uuid", "30 1") in whole
    db.execute_sql("DELETE FROM sqlite_stat1")
    monkeypatch.setattr(connection, "ANALYZE_BY_INDEX_ROWS", 20)  # department now counts as a big table
    connection.analyze(each)
    assert stats() == whole and len(statements) > 5
