"""Bulk inserts for demo data and imports: one executemany per chunk instead of a query per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import peewee

from frontdesk.db import changes
from frontdesk.db.connection import database
from frontdesk.db.dialect import on_postgres, placeholders
from frontdesk.domain.text import clean_value

STAMPS = ("change_seq", "origin_site", "origin_seq")


def insert_rows(model: type[peewee.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]],
                reserved: bool = False) -> int:
    """Insert python values for ``fields`` (converted by each field's db_value); returns the count.

    Rows of a synced table get their change numbers here (a block per chunk), and their origin is this site.
    ``reserved``: the ids given came from ``reserve_ids`` (the sequence needs no catching up).
    """
    meta = model._meta
    stamp = "change_seq" in meta.fields and "change_seq" not in fields
    columns = [meta.fields[name] for name in fields]
    names = [c.column_name for c in columns] + (list(STAMPS) if stamp else [])
    sql = placeholders("INSERT INTO {} ({}) VALUES ({})".format(
        meta.table_name, ", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))
    ))
    converters = [c.db_value for c in columns]
    origin = meta.fields["site_code"].default() if stamp else ""  # this site: the one writing them
    db = database.obj
    cursor = db.cursor()
    batch: list[tuple[Any, ...]] = []
    count = 0

    def flush() -> None:
        if stamp:
            top = changes.take(len(batch))
            first = top - len(batch) + 1
            batch[:] = [(*row, first + i, origin, first + i)
                        for i, row in enumerate(batch)]
        cursor.executemany(sql, batch)

    with db.atomic():  # numbers and rows commit together (a savepoint inside the caller's transaction)
        for row in rows:
            batch.append(tuple(conv(clean_value(value)) for conv, value in zip(converters, row, strict=True)))
            if len(batch) >= 5000:
                flush()
                count += len(batch)
                batch.clear()
        if batch:
            flush()
            count += len(batch)
    if meta.primary_key is not None and meta.primary_key.name in fields and not reserved:
        catch_up_ids(model)
    return count


def catch_up_ids(model: type[peewee.Model]) -> None:
    """After rows were inserted with their ids given, move PostgreSQL's id sequence past them.

    SQLite picks max(rowid) + 1 by itself; a PostgreSQL serial column would hand out those ids again.
    """
    if not on_postgres() or not isinstance(model._meta.primary_key, peewee.AutoField):
        return
    table, column = model._meta.table_name, model._meta.primary_key.column_name
    database.obj.execute_sql(
        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
        f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)'
    )


def reserve_ids(model: type[peewee.Model], count: int) -> list[int]:
    """``count`` new ids for rows inserted with their ids given, safe beside other writers: SQLite's next
    rowids under the caller's write lock; PostgreSQL's values of the id sequence (another connection's
    insert takes its own from the same sequence, so none is handed out twice)."""
    if count <= 0:
        return []
    if on_postgres():
        table, column = model._meta.table_name, model._meta.primary_key.column_name
        cursor = database.obj.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) FROM generate_series(1, %s)",
            (count,))
        return [row[0] for row in cursor.fetchall()]
    first = max_id(model) + 1
    return list(range(first, first + count))


def max_id(model: type[peewee.Model]) -> int:
    return model.select(peewee.fn.MAX(model._meta.primary_key)).scalar() or 0
