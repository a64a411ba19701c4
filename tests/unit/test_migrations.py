"""Migrations: a fresh database equals an old one migrated, table by table, index by index, seed row by seed row.

The old database is ``tests/data/schema_v9.sql``, dumped from the v9 code before migrations were
frozen. ``open_db`` is the one place that makes a database: a PostgreSQL pass swaps it (the v9 dump
and the frozen steps stay SQLite's, as only SQLite databases that old exist).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import peewee
import pgcluster
import pytest
from schema_compare import assert_same_schema, columns, indexes, snapshot

from frontdesk.db import migrations
from frontdesk.db.connection import close_database, open_database
from frontdesk.db.fields import sql_default
from frontdesk.db.migrations import Migration, add_column
from frontdesk.db.models import FineRule, RepairOrder, SchemaVersion
from frontdesk.errors import UserError

V9_DUMP = Path(__file__).parent.parent / "data" / "schema_v9.sql"

OpenDb = Callable[[str], peewee.Database]


@pytest.fixture
def open_db(tmp_path: Path) -> Iterator[OpenDb]:
    """Bind the program's database to a new, empty database called ``name``."""

    def make(name: str) -> peewee.Database:
        return open_database(tmp_path / f"{name}.db")

    yield make
    close_database()


def load_v9(db: peewee.Database) -> None:
    db.connection().executescript(V9_DUMP.read_text(encoding="utf-8"))


def fresh_snapshot(open_db: OpenDb) -> dict:
    db = open_db("fresh")
    migrations.migrate()
    return snapshot(db)


def test_the_v9_dump_is_a_version_9_database(open_db):
    load_v9(open_db("old"))
    assert migrations.schema_version() == 9
    assert migrations.applied_versions() == set(range(1, 10))


def test_fresh_database_is_built_from_the_models_and_stamped(open_db, monkeypatch):
    def must_not_run(db: peewee.Database) -> None:
        raise AssertionError("a fresh database ran a migration step")

    steps = [Migration(m.version, m.name, must_not_run) for m in migrations.MIGRATIONS]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    db = open_db("fresh")
    assert migrations.migrate() == [m.version for m in steps]
    assert migrations.applied_versions() == {m.version for m in steps}
    assert migrations.pending_migrations() == []
    assert db.table_exists("contact_fts")


def test_v9_database_migrated_equals_fresh(open_db):
    want = fresh_snapshot(open_db)
    db = open_db("old")
    load_v9(db)
    migrations.migrate()
    assert migrations.schema_version() == migrations.LATEST_VERSION
    assert_same_schema(snapshot(db), want)


@pytest.mark.parametrize("upto", [1, 4, 8, 9])
def test_frozen_steps_from_any_old_version_equal_fresh(open_db, upto):
    want = fresh_snapshot(open_db)
    db = open_db(f"at-v{upto}")
    migrations.run_steps(db, migrations.MIGRATIONS[:upto])
    assert migrations.schema_version() == upto
    migrations.migrate()
    assert_same_schema(snapshot(db), want)


def test_seed_rows_are_there_on_both(open_db):
    got = fresh_snapshot(open_db)["seed_rows"]
    assert len(got["standard_phrase"]) == 33 and len(got["forbidden_phrase"]) == 38
    assert len(got["fine_rule"]) == 25 and len(got["shift_type"]) == 3 and len(got["assessment_template"]) == 1


@pytest.fixture
def new_columns(monkeypatch) -> Iterator[Migration]:
    """A throwaway step 10: two NOT NULL columns (one indexed) in the models and as a migration."""

    def fine_flag() -> peewee.Field:
        return peewee.IntegerField(default=3, constraints=[sql_default(3)])

    def courier() -> peewee.Field:
        return peewee.CharField(max_length=30, default="", index=True, constraints=[sql_default("")])

    FineRule._meta.add_field("throwaway", fine_flag())
    RepairOrder._meta.add_field("throwaway_courier", courier())

    def apply(db: peewee.Database) -> None:
        add_column(db, "fine_rule", "throwaway", fine_flag())
        add_column(db, "repair_order", "throwaway_courier", courier())

    step = Migration(migrations.LATEST_VERSION + 1, "throwaway columns", apply)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "LATEST_VERSION", step.version)
    try:
        yield step
    finally:
        FineRule._meta.remove_field("throwaway")
        RepairOrder._meta.remove_field("throwaway_courier")


def test_a_new_not_null_column_works_on_fresh_and_old(open_db, new_columns):
    want = fresh_snapshot(open_db)
    assert migrations.applied_versions() >= {new_columns.version}
    db = open_db("old")
    load_v9(db)
    assert migrations.migrate() == [m.version for m in migrations.MIGRATIONS if m.version > 9]
    got = snapshot(db)
    assert_same_schema(got, want)
    assert got["columns"]["fine_rule"]["throwaway"][:2] == ("INTEGER", False)
    assert {row["throwaway"] for row in got["seed_rows"]["fine_rule"]} == {3}  # rows already there got the default
    assert indexes(db, "repair_order")["repair_order_throwaway_courier"] == (("throwaway_courier",), False)
    assert FineRule.select().where(FineRule.throwaway == 3).count() == 25


def test_a_nullable_column_needs_no_default(open_db):
    db = open_db("fresh")
    migrations.migrate()
    add_column(db, "key_customer", "wechat", peewee.CharField(max_length=40, null=True))
    assert columns(db, "key_customer")["wechat"][:2] == ("VARCHAR(40)", True)


def test_a_not_null_column_without_sql_default_is_refused(open_db):
    db = open_db("fresh")
    migrations.migrate()
    with pytest.raises(ValueError, match="SQL DEFAULT"):
        add_column(db, "fine_rule", "broken", peewee.IntegerField(default=0))
    assert "broken" not in columns(db, "fine_rule")


@pytest.mark.parametrize(
    ("value", "sql"),
    [(0, "DEFAULT 0"), (True, "DEFAULT TRUE"), (False, "DEFAULT FALSE"), ("it's", "DEFAULT 'it''s'"), ("", "DEFAULT ''")],
)
def test_sql_default_literals(value, sql):
    assert sql_default(value).sql == sql


def test_sql_default_refuses_other_types():
    with pytest.raises(TypeError):
        sql_default(1.5)  # type: ignore[arg-type]


def test_a_database_from_a_newer_program_is_refused(open_db):
    db = open_db("old")
    load_v9(db)
    SchemaVersion.create(version=migrations.LATEST_VERSION + 1, name="from the future")
    before = snapshot(db)
    with pytest.raises(UserError, match="升级"):
        migrations.migrate()
    assert snapshot(db) == before


def test_frozen_steps_refuse_a_database_other_than_sqlite():
    from frontdesk.db import frozen

    with pytest.raises(RuntimeError, match="SQLite"):
        frozen.replay(peewee.PostgresqlDatabase(None), 1)


@pytest.mark.skipif(not pgcluster.wanted(), reason="needs the PostgreSQL pass")
def test_a_fresh_postgresql_database_has_every_table_column_and_index_of_a_fresh_sqlite_one(pg_cluster, tmp_path):
    """A PostgreSQL database is always created fresh (no old server databases exist): it must hold what a
    fresh SQLite database holds, table by table, column by column (with NOT NULL), index by index."""
    from frontdesk.db import schema, search_index

    pg_only = {name for name, _table, _columns in schema.PG_INDEXES}  # (column, id) sorts: PostgreSQL's alone

    def shape(db: peewee.Database) -> dict[str, tuple]:
        indexes = {search_index.TABLE, search_index.ARTICLES, search_index.PG_TABLE, "kb_article_grams"}
        tables = sorted(set(db.get_tables()) - indexes
                        - {t for t in db.get_tables()
                           if t.startswith((f"{search_index.TABLE}_", f"{search_index.ARTICLES}_", "sqlite_"))})
        return {t: ({c.name: c.null for c in db.get_columns(t)},
                    {i.name: (tuple(i.columns), i.unique) for i in db.get_indexes(t) if not i.name.endswith("_pkey")
                     and not i.name.startswith("sqlite_autoindex") and i.name not in pg_only})  # primary keys
                for t in tables}

    sqlite = open_database(tmp_path / "fresh.db")
    migrations.migrate()
    want = shape(sqlite)
    db = open_database(pg_cluster.url(pg_cluster.empty_database()))
    try:
        assert migrations.migrate() == [m.version for m in migrations.MIGRATIONS]
        got = shape(db)
        assert sorted(got) == sorted(want)
        for table in want:
            assert got[table] == want[table], table
        sorts = {i.name: tuple(i.columns) for i in db.get_indexes("contact")}
        assert all(sorts.get(name) == tuple(c.strip() for c in columns.split(","))
                   for name, _table, columns in schema.PG_INDEXES)
        assert not pg_only & {i.name for i in sqlite.get_indexes("contact")}
        grams = {i.name: i.sql for i in db.get_indexes(search_index.PG_TABLE)}
        assert "USING gin" in grams[f"{search_index.PG_TABLE}_grams"]
        assert migrations.pending_migrations() == [] and migrations.schema_version() == migrations.LATEST_VERSION
    finally:
        close_database()
