"""Bulk inserts for demo data and imports: one executemany per chunk instead of a query per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import peewee

from frontdesk.db.connection import database


def insert_rows(model: type[peewee.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert python values for ``fields`` (converted by each field's db_value); returns the count."""
    meta = model._meta
    columns = [meta.fields[name] for name in fields]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        meta.table_name, ", ".join(f'"{c.column_name}"' for c in columns), ", ".join("?" * len(columns))
    )
    converters = [c.db_value for c in columns]
    cursor = database.obj.cursor()
    batch: list[tuple[Any, ...]] = []
    count = 0
    for row in rows:
        batch.append(tuple(conv(value) for conv, value in zip(converters, row, strict=True)))
        if len(batch) >= 5000:
            cursor.executemany(sql, batch)
            count += len(batch)
            batch.clear()
    if batch:
        cursor.executemany(sql, batch)
        count += len(batch)
    return count


def max_id(model: type[peewee.Model]) -> int:
    return model.select(peewee.fn.MAX(model._meta.primary_key)).scalar() or 0
