"""The per-database change number (CouchDB's update_seq): every write of a synced row takes the next one.

One counter row in ``change_counter``; taking numbers bumps it inside the writer's transaction, so a
number is only ever seen together with the row that carries it (on PostgreSQL the bumped row stays locked
until commit, so numbers also commit in order). Exports to a peer pick rows by this number, never by time.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee

from frontdesk.db.dialect import execute

TABLE = "change_counter"
NAME = "change"


def take(count: int = 1) -> int:
    """Reserve ``count`` new change numbers and return the highest (the block is ``top - count + 1 … top``)."""
    cursor = execute(
        f"INSERT INTO {TABLE} (name, value) VALUES (?, ?) "
        f"ON CONFLICT (name) DO UPDATE SET value = {TABLE}.value + excluded.value RETURNING value",
        (NAME, count),
    )
    return int(cursor.fetchone()[0])


def high_water(db: peewee.Database | None = None) -> int:
    """The highest change number handed out so far (0 for a database that never wrote a synced row)."""
    row = execute(f"SELECT value FROM {TABLE} WHERE name = ?", (NAME,), db).fetchone()
    return int(row[0]) if row else 0


def stamp_existing(db: peewee.Database, tables: Iterable[str]) -> None:
    """Give every row already in ``tables`` change number 1, its creation site as origin and origin number 0,
    so a first export to any peer carries it (used for a fresh database's seeds and by migration step 12)."""
    for table in tables:
        db.execute_sql(f'UPDATE "{table}" SET change_seq = 1, origin_site = site_code, origin_seq = 0')
    execute(f"INSERT INTO {TABLE} (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = "
            f"CASE WHEN {TABLE}.value < 1 THEN 1 ELSE {TABLE}.value END", (NAME,), db)
