"""The full-text index over live contacts (SQLite FTS5, contentless, unigram + bigram tokens).

Only contacts that are not deleted are indexed (a tombstone is removed from the index), so the
number of matches is the number of live contacts that match.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee

from frontdesk.db.connection import database
from frontdesk.domain.textsearch import index_tokens, match_expression

TABLE = "contact_fts"
CONTACT_COLUMNS = ("number", "customer_name", "phone", "request", "handling")  # contact_texts order


def create(db: peewee.Database) -> None:
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(uni, bi, content='', "
        "tokenize='unicode61', detail='full', columnsize=0)"
    )


def contact_texts(number: str, name: str, phone: str, request: str, handling: str) -> list[str]:
    return [number, name, phone, request, handling]


def add(rowid: int, texts: Iterable[str]) -> None:
    uni, bi = index_tokens(texts)
    database.obj.execute_sql(f"INSERT INTO {TABLE}(rowid, uni, bi) VALUES (?, ?, ?)", (rowid, uni, bi))


def add_many(rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    params = [(rowid, *index_tokens(texts)) for rowid, texts in rows]
    database.obj.cursor().executemany(f"INSERT INTO {TABLE}(rowid, uni, bi) VALUES (?, ?, ?)", params)


def remove(rowid: int, old_texts: Iterable[str]) -> None:
    """A contentless index forgets a row only when told exactly what it indexed."""
    uni, bi = index_tokens(old_texts)
    database.obj.execute_sql(
        f"INSERT INTO {TABLE}({TABLE}, rowid, uni, bi) VALUES ('delete', ?, ?, ?)", (rowid, uni, bi)
    )


def replace(rowid: int, old_texts: Iterable[str], new_texts: Iterable[str]) -> None:
    old, new = list(old_texts), list(new_texts)
    if old != new:
        remove(rowid, old)
        add(rowid, new)


def matching_ids(query: str) -> peewee.Node | None:
    """A subquery of contact ids whose texts contain ``query``, or None if it has nothing searchable."""
    expression = match_expression(query)
    if expression is None:
        return None
    column, phrase = expression
    target = f"{TABLE}.{column}" if column else TABLE
    return peewee.SQL(f"(SELECT rowid FROM {TABLE} WHERE {target} MATCH ?)", [phrase])


def count(query: str) -> int:
    expression = match_expression(query)
    if expression is None:
        return 0
    column, phrase = expression
    target = f"{TABLE}.{column}" if column else TABLE
    return database.obj.execute_sql(f"SELECT COUNT(*) FROM {TABLE} WHERE {target} MATCH ?", (phrase,)).fetchone()[0]


def rebuild(select_rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    database.obj.execute_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    add_many(select_rows)
