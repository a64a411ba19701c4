"""What a schema is made of, read through peewee's portable introspection, so two databases compare.

Works on any database peewee introspects (SQLite today, PostgreSQL later): tables with their columns
(type, NOT NULL, primary key, SQL default), indexes (columns, unique), foreign keys, and the seed rows.
"""

from __future__ import annotations

from typing import Any

import peewee

# tables the program seeds in every new database; their rows must match apart from timestamps
SEED_TABLES = ("standard_phrase", "forbidden_phrase", "shift_type", "fine_rule", "assessment_template", "duty_item")
TIMESTAMPS = ("created_at", "updated_at")


def user_tables(db: peewee.Database) -> list[str]:
    return sorted(t for t in db.get_tables() if not t.startswith("sqlite_"))


def columns(db: peewee.Database, table: str) -> dict[str, tuple[Any, ...]]:
    return {c.name: (c.data_type.upper(), c.null, c.primary_key, c.default) for c in db.get_columns(table)}


def indexes(db: peewee.Database, table: str) -> dict[str, tuple[Any, ...]]:
    return {i.name: (tuple(i.columns), i.unique) for i in db.get_indexes(table)}


def foreign_keys(db: peewee.Database, table: str) -> set[tuple[str, str, str]]:
    return {(f.column, f.dest_table, f.dest_column) for f in db.get_foreign_keys(table)}


def seed_rows(db: peewee.Database, table: str) -> list[dict[str, Any]]:
    cursor = db.execute_sql(f'SELECT * FROM "{table}" ORDER BY "id"')
    names = [d[0] for d in cursor.description]
    return [{k: v for k, v in zip(names, row, strict=True) if k not in TIMESTAMPS} for row in cursor.fetchall()]


def snapshot(db: peewee.Database) -> dict[str, Any]:
    """Everything two equal schemas share, table by table."""
    tables = user_tables(db)
    return {
        "tables": tables,
        "columns": {t: columns(db, t) for t in tables},
        "indexes": {t: indexes(db, t) for t in tables},
        "foreign_keys": {t: foreign_keys(db, t) for t in tables},
        "seed_rows": {t: seed_rows(db, t) for t in SEED_TABLES if t in tables},  # an old database may lack one
    }


def assert_same_schema(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Compare part by part and table by table, so a failure names the table and what differs."""
    assert got["tables"] == want["tables"], "tables differ"
    for part in ("columns", "indexes", "foreign_keys", "seed_rows"):
        for table in want[part]:
            difference = _first_difference(got[part][table], want[part][table])
            assert got[part][table] == want[part][table], f"{part} of {table} differ: {difference}"


def _first_difference(got: Any, want: Any) -> str:
    if isinstance(got, dict) and isinstance(want, dict):
        for key in sorted(set(got) | set(want), key=str):
            if got.get(key) != want.get(key):
                return f"{key!r}: got {got.get(key)!r}, want {want.get(key)!r}"
    if isinstance(got, list) and isinstance(want, list):
        for index, (g, w) in enumerate(zip(got, want, strict=False)):
            if g != w:
                return f"row {index}: {_first_difference(g, w)}"
        return f"{len(got)} rows, want {len(want)}"
    return f"got {got!r}, want {want!r}"
