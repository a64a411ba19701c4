"""Paged, sorted, filtered list queries done in SQL; the UI asks for one page at a time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import peewee


@dataclass(frozen=True)
class ListQuery:
    """What a list page asks for: search text, filters, sort column and one page."""

    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort_key: str = ""
    descending: bool = False
    page: int = 0
    page_size: int = 50
    # Keyset paging: the (sort value, id) of the last row of the previous page (``after``) or the
    # first row of the next page (``before``); ``page`` is then only reported back.
    after: tuple[Any, Any] | None = None
    before: tuple[Any, Any] | None = None


CURSOR_KEYS = ("_sort", "_key")


def cursor(row: Mapping[str, Any]) -> tuple[Any, Any]:
    """The keyset cursor of a row returned by ``run_page``."""
    return row[CURSOR_KEYS[0]], row[CURSOR_KEYS[1]]


@dataclass(frozen=True)
class Page:
    """One page of rows (plain dicts) and the total matching the filters; ``approximate``: the total is an
    estimate (PostgreSQL at millions of rows: shown as “约 N 条”), pages near the end are read from the end."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    page_size: int
    approximate: bool = False

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))


def run_page(
    select: peewee.ModelSelect,
    query: ListQuery,
    sort_fields: Mapping[str, peewee.Node],
    default_order: tuple[peewee.Node, bool],
    tiebreak: peewee.Node,
    count_select: peewee.ModelSelect | None = None,
    total: int | None = None,
    approximate: bool = False,
) -> Page:
    """Count, order by a whitelisted column (or ``default_order``), and fetch one page as dicts.

    The tiebreak (the id) follows the direction of the sort column, so an index on that column,
    which SQLite keys by (column, rowid), serves the whole ORDER BY without sorting.
    ``count_select`` may leave out joins that only add display columns; a caller that knows a
    cheaper way to count passes ``total`` (``approximate`` if it is an estimate). Pages past the middle are read from the other end in
    reverse order, so the last page costs what the first one does; next and previous pages
    continue from a cursor (``ListQuery.after``/``before``), so paging on costs the same anywhere.
    """
    if total is None:
        total = (count_select if count_select is not None else select).order_by().count()
    if query.sort_key in sort_fields:
        order = [(sort_fields[query.sort_key], query.descending)]
    else:
        order = [default_order]
    order.append((tiebreak, order[0][1]))
    descending = order[0][1]
    keyset = isinstance(select, peewee.Select) and hasattr(select, "select_extend")  # not a UNION
    if keyset:
        select = select.select_extend(order[0][0].alias(CURSOR_KEYS[0]), tiebreak.alias(CURSOR_KEYS[1]))
    size = max(1, query.page_size)
    page_no = max(0, min(query.page, max(0, (total - 1) // size)))
    keys = peewee.Tuple(order[0][0], tiebreak)
    if keyset and (query.after is not None or query.before is not None):
        # Next/previous page: continue from the neighbouring row along the index, no OFFSET.
        forward = query.after is not None
        value, key = query.after if forward else query.before
        column = order[0][0]
        if isinstance(column, peewee.Field):
            value = column.db_value(value)
        mark = peewee.Tuple(value, tiebreak.db_value(key) if isinstance(tiebreak, peewee.Field) else key)
        beyond = (keys < mark) if descending == forward else (keys > mark)
        reverse, offset, limit = not forward, 0, size
        select = select.where(beyond)
    else:
        offset = page_no * size
        # Pages past the middle are read from the other end in reverse order.
        reverse = offset > total // 2 and total > size
        limit = min(size, total - offset) if reverse else size
        if reverse:
            offset = max(0, total - offset - limit)
    if reverse:
        terms = [node.asc() if desc else node.desc() for node, desc in order]
    else:
        terms = [node.desc() if desc else node.asc() for node, desc in order]
    rows = list(select.order_by(*terms).limit(limit).offset(offset).dicts())
    if reverse:
        rows.reverse()
    return Page(rows=rows, total=total, page=page_no, page_size=size, approximate=approximate)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with wildcards in the text escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
