"""Bulk inserts for demo data and imports: one executemany per chunk instead of a query per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import peewee

from frontdesk.db import changes
from frontdesk.db.connection import database
from frontdesk.domain.text import clean_value

STAMPS = ("change_seq", "origin_site", "origin_seq")


def insert_rows(model: type[peewee.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert python values for ``fields`` (converted by each field's db_value); returns the count.

    Rows of a synced table get their change numbers here (a block per chunk), and their origin is this site.
    """
    meta = model._meta
    stamp = "change_seq" in meta.fields and "change_seq" not in fields
    columns = [meta.fields[name] for name in fields]
    names = [c.column_name for c in columns] + (list(STAMPS) if stamp else [])
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        meta.table_name, ", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))
    )
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
    return count


def max_id(model: type[peewee.Model]) -> int:
    return model.select(peewee.fn.MAX(model._meta.primary_key)).scalar() or 0
