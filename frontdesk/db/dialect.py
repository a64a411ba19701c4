"""SQL that differs between SQLite and PostgreSQL, behind small functions: date arithmetic, raw text, placeholders.

Each function returns a peewee node that picks its SQL when the query is rendered, so a node built at
import time (a module-level sort key) still fits whichever database the proxy is bound to then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

import peewee

from frontdesk.db.connection import database


def on_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


class _PerDatabase(peewee.ColumnBase):
    """A node rendered as ``sqlite()`` or ``postgres()`` depending on the bound database."""

    def __init__(self, sqlite: Callable[[], peewee.Node], postgres: Callable[[], peewee.Node]) -> None:
        super().__init__()
        self._sqlite, self._postgres = sqlite, postgres

    def __sql__(self, ctx: peewee.Context) -> peewee.Context:
        return ctx.sql(self._postgres() if on_postgres() else self._sqlite())


def _epoch(node: peewee.Node) -> peewee.Node:
    return peewee.fn.EXTRACT(peewee.NodeList((peewee.SQL("EPOCH FROM"), node)))


def day_number(field: peewee.Node) -> peewee.Node:
    """A stored datetime as a number of days (a sort key that can count backwards)."""
    return _PerDatabase(lambda: peewee.fn.julianday(field), lambda: _epoch(field) / 86400.0)


def hours_between(start: peewee.Node, end: peewee.Node) -> peewee.Node:
    """Hours from ``start`` to ``end`` (a float)."""
    return _PerDatabase(lambda: (peewee.fn.julianday(end) - peewee.fn.julianday(start)) * 24,
                        lambda: _epoch(end - start) / 3600.0)


def day_text(field: peewee.Node) -> peewee.Node:
    """The YYYY-MM-DD day of a stored datetime, as text (SQLite keeps datetimes as ISO text).

    The format is inline, not a parameter: PostgreSQL matches GROUP BY to the select list by the text.
    """
    return _PerDatabase(lambda: peewee.fn.substr(field, 1, 10).coerce(False),
                        lambda: peewee.fn.to_char(field, peewee.SQL("'YYYY-MM-DD'")).coerce(False))


def month_text(field: peewee.Node) -> peewee.Node:
    """The YYYY-MM month of a stored date or datetime, as text."""
    return _PerDatabase(lambda: peewee.fn.substr(field, 1, 7).coerce(False),
                        lambda: peewee.fn.to_char(field, peewee.SQL("'YYYY-MM'")).coerce(False))


def raw_datetime(field: peewee.Node) -> peewee.Node:
    """A datetime column read without peewee's conversion: ISO text on SQLite, a datetime on PostgreSQL."""
    return _PerDatabase(lambda: peewee.fn.substr(field, 1).coerce(False), lambda: field.coerce(False))


def as_date(value: date) -> peewee.Node:
    """A date constant of the type stored dates have: ISO text on SQLite, ``date`` on PostgreSQL."""
    return _PerDatabase(lambda: peewee.Value(value.isoformat()),
                        lambda: peewee.Cast(peewee.Value(value.isoformat()), "date"))


def estimated_rows(table: str) -> int | None:
    """PostgreSQL: the planner's row estimate of ``table`` (``pg_class.reltuples``, kept by ANALYZE and
    autovacuum), None if never analysed; None on SQLite, which counts a table fast enough exactly."""
    if not on_postgres():
        return None
    row = database.obj.execute_sql("SELECT reltuples FROM pg_class WHERE relname = %s AND relnamespace = "
                                   "current_schema()::regnamespace", (table,)).fetchone()
    return int(row[0]) if row and row[0] is not None and row[0] >= 0 else None


def bare_id(field: peewee.Node) -> peewee.Node:
    """``id + 0``: on SQLite it keeps the planner from driving a query by an IN list; plain elsewhere."""
    return _PerDatabase(lambda: field + 0, lambda: field)


def placeholders(sql: str) -> str:
    """Raw SQL written with ``?`` placeholders, in the bound database's style (``%s`` for psycopg).

    The SQL must hold no ``?`` or ``%`` of its own (in a literal): pass such values as parameters.
    """
    return sql.replace("?", "%s") if on_postgres() else sql


def execute(sql: str, params: Sequence[Any] = (), db: peewee.Database | None = None) -> Any:
    """Run raw SQL written with ``?`` placeholders on ``db`` (default: the bound database); returns the cursor."""
    db = db or database.obj
    return db.execute_sql(sql.replace("?", "%s") if isinstance(db, peewee.PostgresqlDatabase) else sql, tuple(params))


def executemany(sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """Run raw SQL written with ``?`` placeholders once per row of parameters."""
    rows = list(rows)
    if rows:
        database.obj.cursor().executemany(placeholders(sql), rows)
