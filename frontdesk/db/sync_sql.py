"""Raw SQL of site sync on either database: ``?`` placeholders, rows read back in SQLite's stored form (the form
the exchange files and content digests use: 0/1 flags, ``YYYY-MM-DD HH:MM:SS`` times), batched writes."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import peewee

from frontdesk.db.connection import database
from frontdesk.db.dialect import execute, on_postgres, placeholders

_names = itertools.count(1)


def stored(value: Any) -> Any:
    """One value as SQLite stores it (PostgreSQL hands back booleans, datetimes and memoryviews)."""
    cls = value.__class__
    if cls is bool:
        return int(value)
    if cls is datetime or cls is date:
        return str(value)
    if cls is memoryview:
        return bytes(value)
    return value


def _stored_row(row: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(stored(v) for v in row)


def rows(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Every row of a query, in stored form."""
    found = execute(sql, params).fetchall()
    return [_stored_row(r) for r in found] if on_postgres() else [tuple(r) for r in found]


def one(sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
    row = execute(sql, params).fetchone()
    return None if row is None else _stored_row(row)


def stream(sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Rows one by one without holding the whole result: SQLite's own cursor, a server-side cursor on
    PostgreSQL (inside the caller's transaction)."""
    if not on_postgres():
        yield from database.obj.cursor().execute(sql, tuple(params))
        return
    cursor = database.obj.connection().cursor(name=f"sync_stream_{next(_names)}")
    try:
        cursor.itersize = size
        cursor.execute(placeholders(sql), tuple(params))
        while batch := cursor.fetchmany(size):
            yield from (_stored_row(r) for r in batch)
    finally:
        cursor.close()


def run(sql: str, params: Sequence[Any] = ()) -> Any:
    return execute(sql, params)


def run_many(sql: str, params: Iterable[Sequence[Any]]) -> None:
    """One statement once per parameter row (errors raised as peewee's, like ``execute_sql``)."""
    batch = list(params)
    if not batch:
        return
    with peewee.__exception_wrapper__:
        database.obj.cursor().executemany(placeholders(sql), batch)
