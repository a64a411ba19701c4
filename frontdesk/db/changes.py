"""The per-database change number (CouchDB's update_seq): every write of a synced row takes the next one.

One counter row in ``change_counter``; taking numbers bumps it inside the writer's transaction, so a
number is only ever seen together with the row that carries it (on PostgreSQL the bumped row stays locked
until commit, so numbers also commit in order). Exports to a peer pick rows by this number, never by time.
"""

from __future__ import annotations

import json
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


SHADOW_SQL = ("INSERT INTO sync_shadow (entity, record_uuid, row_values) VALUES (?, ?, ?) "
              "ON CONFLICT (entity, record_uuid) DO UPDATE SET row_values = excluded.row_values")


def keep_base(model: type[peewee.Model], where: peewee.Expression | None) -> None:
    """Before a local write of ``model`` rows matching ``where``: keep the version of each that a peer has
    (imported from one, or exported since it was last written) in ``sync_shadow``, so a conflict found later
    can show what both sides started from. A site that never exchanged keeps nothing."""
    if where is None:
        return
    db = model._meta.database
    peers, top = execute("SELECT COUNT(*), MAX(sent_seq) FROM sync_peer", ()).fetchone()
    if not peers:
        return
    fields = model._meta.fields
    shared = (fields["change_peer"] != "") | (fields["change_seq"] <= int(top or 0))
    cursor = db.execute(model.select().where(where & shared))
    names = [d[0] for d in cursor.description]
    at = names.index("uuid")
    table = model._meta.table_name
    from frontdesk.db.sync_sql import stored

    for row in cursor.fetchall():
        values = json.dumps({n: stored(v) for n, v in zip(names, row, strict=True)}, ensure_ascii=False, default=str)
        execute(SHADOW_SQL, (table, row[at], values))
