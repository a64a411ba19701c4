"""The full-text index over live contacts: unigram + bigram tokens, in SQLite FTS5 or a PostgreSQL ``text[]``.

SQLite: a contentless FTS5 table (phrases of consecutive bigrams). PostgreSQL: ``contact_grams`` holds
each contact's distinct grams in a ``text[]`` column with a GIN index, queried with ``grams @> ARRAY[…]``;
runs longer than two characters are rechecked as substrings of the contact's texts.

Only contacts that are not deleted are indexed (a tombstone is removed from the index), so the
number of matches is the number of live contacts that match.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee

from frontdesk.db.connection import database
from frontdesk.domain.textsearch import index_grams, index_tokens, match_expression, query_grams

TABLE = "contact_fts"
PG_TABLE = "contact_grams"
# the contact's indexed texts as one string (fields apart), for the substring recheck on PostgreSQL
PG_TEXT = "lower(concat_ws(' ', c.number, c.customer_name, c.phone, c.request, c.handling))"


def _pg() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def create(db: peewee.Database) -> None:
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {PG_TABLE} (rowid BIGINT PRIMARY KEY, grams TEXT[] NOT NULL)")
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {PG_TABLE}_grams ON {PG_TABLE} USING GIN (grams)")
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(uni, bi, content='', "
        "tokenize='unicode61', detail='full', columnsize=0)"
    )


def contact_texts(number: str, name: str, phone: str, request: str, handling: str) -> list[str]:
    return [number, name, phone, request, handling]


def add(rowid: int, texts: Iterable[str]) -> None:
    add_many([(rowid, texts)])


def add_many(rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    if _pg():
        params = [(rowid, index_grams(texts)) for rowid, texts in rows]
        if params:
            database.obj.cursor().executemany(f"INSERT INTO {PG_TABLE} (rowid, grams) VALUES (%s, %s)", params)
        return
    params = [(rowid, *index_tokens(texts)) for rowid, texts in rows]
    database.obj.cursor().executemany(f"INSERT INTO {TABLE}(rowid, uni, bi) VALUES (?, ?, ?)", params)


def remove(rowid: int, old_texts: Iterable[str]) -> None:
    """A contentless index forgets a row only when told exactly what it indexed."""
    if _pg():
        database.obj.execute_sql(f"DELETE FROM {PG_TABLE} WHERE rowid = %s", (rowid,))
        return
    uni, bi = index_tokens(old_texts)
    database.obj.execute_sql(
        f"INSERT INTO {TABLE}({TABLE}, rowid, uni, bi) VALUES ('delete', ?, ?, ?)", (rowid, uni, bi)
    )


def replace(rowid: int, old_texts: Iterable[str], new_texts: Iterable[str]) -> None:
    old, new = list(old_texts), list(new_texts)
    if old != new:
        remove(rowid, old)
        add(rowid, new)


def _pg_match(query: str) -> tuple[str, list] | None:
    """(WHERE over ``g`` joined to contact ``c``, params) for PostgreSQL, or None."""
    found = query_grams(query)
    if found is None:
        return None
    grams, runs = found
    where = "g.grams @> %s::text[]" + "".join(f" AND strpos({PG_TEXT}, %s) > 0" for _ in runs)
    return where, [grams, *runs]


def _pg_from(runs: bool) -> str:
    return f"{PG_TABLE} g JOIN contact c ON c.id = g.rowid" if runs else f"{PG_TABLE} g"


def matching_ids(query: str) -> peewee.Node | None:
    """A subquery of contact ids whose texts contain ``query``, or None if it has nothing searchable."""
    if _pg():
        match = _pg_match(query)
        if match is None:
            return None
        where, params = match
        return peewee.SQL(f"(SELECT g.rowid FROM {_pg_from(len(params) > 1)} WHERE {where})", params)
    expression = match_expression(query)
    if expression is None:
        return None
    column, phrase = expression
    target = f"{TABLE}.{column}" if column else TABLE
    return peewee.SQL(f"(SELECT rowid FROM {TABLE} WHERE {target} MATCH ?)", [phrase])


def count(query: str) -> int:
    if _pg():
        match = _pg_match(query)
        if match is None:
            return 0
        where, params = match
        sql = f"SELECT COUNT(*) FROM {_pg_from(len(params) > 1)} WHERE {where}"
        return database.obj.execute_sql(sql, params).fetchone()[0]
    expression = match_expression(query)
    if expression is None:
        return 0
    column, phrase = expression
    target = f"{TABLE}.{column}" if column else TABLE
    return database.obj.execute_sql(f"SELECT COUNT(*) FROM {TABLE} WHERE {target} MATCH ?", (phrase,)).fetchone()[0]


def rebuild(select_rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    if _pg():
        database.obj.execute_sql(f"DELETE FROM {PG_TABLE}")
    else:
        database.obj.execute_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    add_many(select_rows)
