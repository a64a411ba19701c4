"""The distinct values of an indexed column without reading the table: a loose index scan in portable SQL."""

from __future__ import annotations

from typing import Any

import peewee

from frontdesk.db.connection import database


def distinct_values(field: peewee.Field) -> list[Any]:
    """The distinct non-null values of ``field`` (indexed), in order: one index probe per value.

    A recursive CTE asks for the smallest value above the last one until there is none (SQLite and PostgreSQL
    alike); ``SELECT DISTINCT`` would read every row of a ten-million-row table to find fifty sites.
    """
    table, column = field.model._meta.table_name, field.column_name
    sql = (f'WITH RECURSIVE v(x) AS (SELECT MIN("{column}") FROM "{table}" UNION ALL '
           f'SELECT (SELECT MIN("{column}") FROM "{table}" WHERE "{column}" > v.x) FROM v WHERE v.x IS NOT NULL) '
           f"SELECT x FROM v WHERE x IS NOT NULL")
    return [row[0] for row in database.obj.execute_sql(sql)]
