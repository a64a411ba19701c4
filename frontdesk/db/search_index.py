"""The full-text indexes over live contacts and knowledge articles (SQLite FTS5, contentless, unigram + bigram).

Only records that are not deleted are indexed (a tombstone is removed from the index), so the
number of matches is the number of live records that match. Every function works on the contact
index unless given another ``table`` of ``INDEXED``.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee

from frontdesk.db.connection import database
from frontdesk.domain.textsearch import (
    any_pair_expression,
    index_tokens,
    match_expression,
    rarest_pairs,
    request_pairs,
)

TABLE = "contact_fts"
ARTICLES = "kb_article_fts"
# indexed table → (its index, the columns indexed, in the order the texts are given)
INDEXED: dict[str, tuple[str, tuple[str, ...]]] = {
    "contact": (TABLE, ("number", "customer_name", "phone", "request", "handling")),
    "kb_article": (ARTICLES, ("title", "keywords", "answer")),
}
CONTACT_COLUMNS = INDEXED["contact"][1]  # contact_texts order


def create(db: peewee.Database, table: str = TABLE) -> None:
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(uni, bi, content='', "
        "tokenize='unicode61', detail='full', columnsize=0)"
    )


def contact_texts(number: str, name: str, phone: str, request: str, handling: str) -> list[str]:
    return [number, name, phone, request, handling]


def add(rowid: int, texts: Iterable[str], table: str = TABLE) -> None:
    uni, bi = index_tokens(texts)
    database.obj.execute_sql(f"INSERT INTO {table}(rowid, uni, bi) VALUES (?, ?, ?)", (rowid, uni, bi))


def add_many(rows: Iterable[tuple[int, Iterable[str]]], table: str = TABLE) -> None:
    params = [(rowid, *index_tokens(texts)) for rowid, texts in rows]
    database.obj.cursor().executemany(f"INSERT INTO {table}(rowid, uni, bi) VALUES (?, ?, ?)", params)


def remove(rowid: int, old_texts: Iterable[str], table: str = TABLE) -> None:
    """A contentless index forgets a row only when told exactly what it indexed."""
    uni, bi = index_tokens(old_texts)
    database.obj.execute_sql(
        f"INSERT INTO {table}({table}, rowid, uni, bi) VALUES ('delete', ?, ?, ?)", (rowid, uni, bi)
    )


def replace(rowid: int, old_texts: Iterable[str], new_texts: Iterable[str], table: str = TABLE) -> None:
    old, new = list(old_texts), list(new_texts)
    if old != new:
        remove(rowid, old, table)
        add(rowid, new, table)


def matching_ids(query: str, table: str = TABLE) -> peewee.Node | None:
    """A subquery of record ids whose texts contain ``query``, or None if it has nothing searchable."""
    expression = match_expression(query)
    if expression is None:
        return None
    column, phrase = expression
    target = f"{table}.{column}" if column else table
    return peewee.SQL(f"(SELECT rowid FROM {table} WHERE {target} MATCH ?)", [phrase])


def count(query: str, table: str = TABLE) -> int:
    expression = match_expression(query)
    if expression is None:
        return 0
    column, phrase = expression
    target = f"{table}.{column}" if column else table
    return database.obj.execute_sql(f"SELECT COUNT(*) FROM {table} WHERE {target} MATCH ?", (phrase,)).fetchone()[0]


def ranked_ids(text: str, limit: int, table: str = ARTICLES, budget: int = 20_000) -> list[int]:
    """The ids of the ``limit`` records sharing most of ``text``'s character pairs, best first (bm25); the
    rarest pairs only, up to ``budget`` matches in all, so a long request costs the same at any size."""
    pairs = request_pairs(text)
    if not pairs:
        return []
    counts = {p: database.obj.execute_sql(f"SELECT COUNT(*) FROM {table} WHERE {table}.bi MATCH ?",
                                          (f'"{p}"',)).fetchone()[0] for p in pairs}
    kept = rarest_pairs(counts, budget)
    if not kept:
        return []
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?"
    return [row[0] for row in database.obj.execute_sql(sql, (any_pair_expression(kept), limit))]


def rebuild(select_rows: Iterable[tuple[int, Iterable[str]]], table: str = TABLE) -> None:
    database.obj.execute_sql(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    add_many(select_rows, table)
