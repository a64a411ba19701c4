"""The full-text indexes over live contacts and knowledge articles: unigram + bigram tokens, in SQLite FTS5
or a PostgreSQL ``text[]``.

SQLite: a contentless FTS5 table per indexed table (phrases of consecutive bigrams). PostgreSQL: a
``…_grams`` table holds each record's distinct grams in a ``text[]`` column with a GIN index, queried with
``grams @> ARRAY[…]``; runs longer than two characters are rechecked as substrings of the record's texts.

Only records that are not deleted are indexed (a tombstone is removed from the index), so the
number of matches is the number of live records that match. Every function works on the contact
index unless given another ``table`` of ``INDEXED``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import peewee

from frontdesk.db.connection import database, transaction
from frontdesk.domain.textsearch import (
    any_pair_expression,
    index_grams,
    index_tokens,
    match_expression,
    query_grams,
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
PG_TABLE = "contact_grams"
# index (SQLite name) → (PostgreSQL gram table, the record table, its indexed texts as one string)
_PG: dict[str, tuple[str, str, str]] = {
    index: (f"{record}_grams", record, "lower(concat_ws(' ', {}))".format(", ".join(f"c.{c}" for c in columns)))
    for record, (index, columns) in INDEXED.items()
}


def _pg() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def uses_grams() -> bool:
    """True when ``tokens`` gives an array of grams (PostgreSQL), False for unigram and bigram texts (SQLite)."""
    return _pg()


def create(db: peewee.Database, table: str = TABLE) -> None:
    if isinstance(db, peewee.PostgresqlDatabase):
        grams = _PG[table][0]
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {grams} (rowid BIGINT PRIMARY KEY, grams TEXT[] NOT NULL)")
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {grams}_grams ON {grams} USING GIN (grams)")
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(uni, bi, content='', "
        "tokenize='unicode61', detail='full', columnsize=0)"
    )


# FTS5 merges an index's segments (one a commit) this many at a time during a long import, 4 otherwise
BULK_AUTOMERGE = 8
USUAL_AUTOMERGE = 4


@contextmanager
def bulk_merging() -> Iterator[None]:
    """A long import's hundreds of short transactions each leave a segment in the indexes; merging them 8 at a
    time rather than 4 writes each entry fewer times over: 1,000,000 contacts indexed in 2,000-row
    transactions took 26 s instead of 49 s, the longest commit 0.11 s instead of 0.71 s, and searches stay as
    fast. (16 is no faster, and lets 16 segments of a level pile up, which FTS5 then merges in one go: a 5 s
    commit.) The usual merging comes back after (left at 8 if the process dies meanwhile, which does no
    harm). No-op on PostgreSQL."""
    if _pg():
        yield
        return
    db = database.obj
    usual: dict[str, int] = {}
    with transaction():
        for table in (TABLE, ARTICLES):
            found = db.execute_sql(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
            usual[table] = int(found[0]) if found is not None else USUAL_AUTOMERGE
            db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (BULK_AUTOMERGE,))
    try:
        yield
    finally:
        with transaction():
            for table, value in usual.items():
                db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (value,))


def contact_texts(number: str, name: str, phone: str, request: str, handling: str) -> list[str]:
    return [number, name, phone, request, handling]


def add(rowid: int, texts: Iterable[str], table: str = TABLE) -> None:
    add_many([(rowid, texts)], table)


def add_many(rows: Iterable[tuple[int, Iterable[str]]], table: str = TABLE) -> None:
    add_tokens(((rowid, tokens(texts)) for rowid, texts in rows), table)


def tokens(texts: Iterable[str | None]) -> object:
    """What the index stores for a record's texts, for ``add_tokens`` (worked out without the database, so a
    bulk import can do it before it takes the write lock)."""
    return index_grams(texts) if _pg() else index_tokens(texts)


def add_tokens(rows: Iterable[tuple[int, object]], table: str = TABLE) -> None:
    """Index records given as (rowid, ``tokens(texts)``)."""
    if _pg():
        params = list(rows)
        if params:
            database.obj.cursor().executemany(f"INSERT INTO {_PG[table][0]} (rowid, grams) VALUES (%s, %s)", params)
        return
    database.obj.cursor().executemany(f"INSERT INTO {table}(rowid, uni, bi) VALUES (?, ?, ?)",
                                      [(rowid, *pair) for rowid, pair in rows])


def remove(rowid: int, old_texts: Iterable[str], table: str = TABLE) -> None:
    """A contentless index forgets a row only when told exactly what it indexed."""
    if _pg():
        database.obj.execute_sql(f"DELETE FROM {_PG[table][0]} WHERE rowid = %s", (rowid,))
        return
    uni, bi = index_tokens(old_texts)
    database.obj.execute_sql(
        f"INSERT INTO {table}({table}, rowid, uni, bi) VALUES ('delete', ?, ?, ?)", (rowid, uni, bi)
    )


def replace(rowid: int, old_texts: Iterable[str], new_texts: Iterable[str], table: str = TABLE) -> None:
    old, new = list(old_texts), list(new_texts)
    if old != new:
        remove(rowid, old, table)
        add(rowid, new, table)


def _pg_match(query: str, table: str) -> tuple[str, str, list] | None:
    """(FROM, WHERE over gram table ``g`` joined to the record ``c`` when a run needs rechecking, params)."""
    found = query_grams(query)
    if found is None:
        return None
    grams, runs = found
    gram_table, record, text = _PG[table]
    where = "g.grams @> %s::text[]" + "".join(f" AND strpos({text}, %s) > 0" for _ in runs)
    source = f"{gram_table} g JOIN {record} c ON c.id = g.rowid" if runs else f"{gram_table} g"
    return source, where, [grams, *runs]


def searchable(query: str) -> bool:
    """Whether ``query`` has anything the index can look up (``matching_ids`` is not None), without a lookup."""
    return (query_grams(query) if _pg() else match_expression(query)) is not None


FIXED_IDS = 20_000  # PostgreSQL: up to this many matches of a rare word are handed to the query as a list


def matching_ids(query: str, table: str = TABLE) -> peewee.Node | None:
    """A subquery of record ids whose texts contain ``query``, or None if it has nothing searchable."""
    if _pg():
        match = _pg_match(query, table)
        if match is None:
            return None
        source, where, params = match
        if estimated_matches(query, table) is None:
            # Rarer than the statistics track, yet the planner may guess thousands and walk the ids in order
            # looking for a handful: look the few ids up through the GIN index and hand over the list.
            ids = [row[0] for row in database.obj.execute_sql(
                f"SELECT g.rowid FROM {source} WHERE {where} LIMIT %s", [*params, FIXED_IDS + 1])]
            if len(ids) <= FIXED_IDS:
                return peewee.SQL("(SELECT unnest(%s::bigint[]))", [ids])
        return peewee.SQL(f"(SELECT g.rowid FROM {source} WHERE {where})", params)
    expression = match_expression(query)
    if expression is None:
        return None
    column, phrase = expression
    target = f"{table}.{column}" if column else table
    return peewee.SQL(f"(SELECT rowid FROM {table} WHERE {target} MATCH ?)", [phrase])


def recent_matching_ids(query: str, limit: int, table: str = TABLE) -> peewee.Node | None:
    """Like ``matching_ids``, but only the ``limit`` newest matches (highest ids): a bounded lookup for a
    few typed characters that may match most records (a caller card from four digits)."""
    if _pg():
        match = _pg_match(query, table)
        if match is None:
            return None
        source, where, params = match
        return peewee.SQL(f"(SELECT g.rowid FROM {source} WHERE {where} ORDER BY g.rowid DESC LIMIT %s)",
                          [*params, limit])
    expression = match_expression(query)
    if expression is None:
        return None
    column, phrase = expression
    target = f"{table}.{column}" if column else table
    return peewee.SQL(f"(SELECT rowid FROM {table} WHERE {target} MATCH ? ORDER BY rowid DESC LIMIT ?)",
                      [phrase, limit])


# PostgreSQL: the share of records holding each of the commonest grams, from ``pg_stats`` (ANALYZE's
# most_common_elems of the gram column), and the table's row estimate; read once per database and table.
_STATS: dict[tuple[int, str], tuple[dict[str, float], float, float]] = {}


def _pg_stats(table: str) -> tuple[dict[str, float], float, float]:
    """(gram → share of records, the share below which grams are not tracked, the records estimated)."""
    key = (id(database.obj), table)
    if key not in _STATS:
        grams = _PG[table][0]
        row = database.obj.execute_sql(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples FROM pg_class c "
            "LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'grams' AND s.schemaname = "
            "current_schema() WHERE c.relname = %s AND c.relnamespace = current_schema()::regnamespace",
            (grams,)).fetchone()
        elems, freqs, rows = row if row else (None, None, 0)
        shares = dict(zip(elems or (), freqs or (), strict=False))
        floor = freqs[len(elems)] if elems and freqs and len(freqs) > len(elems) else 0.0  # the least tracked
        _STATS[key] = (shares, float(floor), max(0.0, float(rows or 0)))
    return _STATS[key]


def estimated_matches(query: str, table: str = TABLE) -> int | None:
    """PostgreSQL: about how many records contain ``query`` by the planner's statistics — the commonest
    estimate its rarest gram allows (grams of one text go together, so their shares are not multiplied) — or
    None when a gram is rarer than the statistics track, or on SQLite (exact counts are cheap there)."""
    if not _pg():
        return None
    found = query_grams(query)
    if found is None:
        return None
    shares, _floor, rows = _pg_stats(table)
    known = [shares.get(gram) for gram in found[0]]
    if not known or None in known or not rows:
        return None
    return int(min(known) * rows)  # type: ignore[type-var]


def row_matches(query: str, record_id: peewee.Node, table: str = TABLE) -> peewee.Node | None:
    """PostgreSQL: a check of one record (``record_id`` of the outer query) against ``query`` through the
    gram table's key, never its GIN index: a list sorted by an indexed column walks that index and keeps the
    matching rows, which finds a page of a common word's matches sooner than collecting every match first."""
    match = _pg_match(query, table)
    if match is None:
        return None
    _source, where, params = match
    gram_table, record, _text = _PG[table]
    return peewee.NodeList((
        peewee.SQL(f"COALESCE((SELECT true FROM {gram_table} g JOIN {record} c ON c.id = g.rowid WHERE g.rowid = "),
        record_id,
        peewee.SQL(f" AND {where}), false)", params),
    ), glue="")


def capped_count(query: str, cap: int, table: str = TABLE) -> int:
    """How many records contain ``query``, counting no further than ``cap`` (then ``cap``)."""
    if not _pg():
        return min(count(query, table), cap)
    match = _pg_match(query, table)
    if match is None:
        return 0
    source, where, params = match
    return database.obj.execute_sql(f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT %s) m",
                                    [*params, cap]).fetchone()[0]


def count(query: str, table: str = TABLE) -> int:
    if _pg():
        match = _pg_match(query, table)
        if match is None:
            return 0
        source, where, params = match
        return database.obj.execute_sql(f"SELECT COUNT(*) FROM {source} WHERE {where}", params).fetchone()[0]
    expression = match_expression(query)
    if expression is None:
        return 0
    column, phrase = expression
    target = f"{table}.{column}" if column else table
    return database.obj.execute_sql(f"SELECT COUNT(*) FROM {table} WHERE {target} MATCH ?", (phrase,)).fetchone()[0]


def ranked_ids(text: str, limit: int, table: str = ARTICLES, budget: int = 20_000) -> list[int]:
    """The ids of the ``limit`` records sharing most of ``text``'s character pairs, best first (bm25 on
    SQLite, most pairs shared on PostgreSQL); the rarest pairs only, up to ``budget`` matches in all, so a
    long request costs the same at any size."""
    pairs = request_pairs(text)
    if not pairs:
        return []
    if _pg():
        grams = _PG[table][0]
        counts = {p: database.obj.execute_sql(f"SELECT COUNT(*) FROM {grams} WHERE grams @> %s::text[]",
                                              ([p],)).fetchone()[0] for p in pairs}
        kept = rarest_pairs(counts, budget)
        if not kept:
            return []
        sql = (f"SELECT rowid FROM {grams} WHERE grams && %s::text[] ORDER BY "
               "cardinality(ARRAY(SELECT unnest(grams) INTERSECT SELECT unnest(%s::text[]))) DESC, rowid LIMIT %s")
        return [row[0] for row in database.obj.execute_sql(sql, (kept, kept, limit))]
    counts = {p: database.obj.execute_sql(f"SELECT COUNT(*) FROM {table} WHERE {table}.bi MATCH ?",
                                          (f'"{p}"',)).fetchone()[0] for p in pairs}
    kept = rarest_pairs(counts, budget)
    if not kept:
        return []
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?"
    return [row[0] for row in database.obj.execute_sql(sql, (any_pair_expression(kept), limit))]


def rebuild(select_rows: Iterable[tuple[int, Iterable[str]]], table: str = TABLE) -> None:
    if _pg():
        database.obj.execute_sql(f"DELETE FROM {_PG[table][0]}")
    else:
        database.obj.execute_sql(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    add_many(select_rows, table)
