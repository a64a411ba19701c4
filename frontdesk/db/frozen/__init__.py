"""Schema steps 1–9 frozen as the SQL they ran (Calibre's way): old databases replay them, new ones never do.

Each ``vN`` module holds the DDL that step N executed, dumped from the v9 code, and the seed rows it
inserted. Nothing here imports a model class, so a column added to a model later cannot leak into an
old step. Only SQLite databases predate version 9 (a PostgreSQL database is always created fresh and
stamped), so this SQL may be SQLite's. Never edit these modules; add a new step in ``migrations``.
"""

from __future__ import annotations

from types import ModuleType

import peewee

from frontdesk import clock
from frontdesk.db.frozen import v1, v2, v3, v4, v5, v6, v7, v8, v9
from frontdesk.db.frozen.marks import NOW


def _module(version: int) -> ModuleType:
    return {1: v1, 2: v2, 3: v3, 4: v4, 5: v5, 6: v6, 7: v7, 8: v8, 9: v9}[version]


def replay(db: peewee.Database, version: int) -> None:
    """Run frozen step ``version``: its DDL in order, then its seed rows stamped with the current time."""
    if not isinstance(db, peewee.SqliteDatabase):
        raise RuntimeError("frozen steps 1-9 are SQLite's; any other database is created at the latest version")
    module = _module(version)
    for statement in module.DDL:
        db.execute_sql(statement)
    now = clock.now()
    for table, (columns, rows) in module.ROWS.items():
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        db.cursor().executemany(sql, [tuple(now if v is NOW else v for v in row) for row in rows])
