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


@dataclass(frozen=True)
class Page:
    """One page of rows (plain dicts) and the total matching the filters."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    page_size: int

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
) -> Page:
    """Count, order by a whitelisted column (or ``default_order``), and fetch one page as dicts.

    The tiebreak (the id) follows the direction of the sort column, so an index on that column,
    which SQLite keys by (column, rowid), serves the whole ORDER BY without sorting.
    ``count_select`` may leave out joins that only add display columns; a caller that knows a
    cheaper way to count passes ``total``. Pages past the middle are
    read from the other end in reverse order, so the last page costs what the first one does.
    """
    if total is None:
        total = (count_select if count_select is not None else select).order_by().count()
    if query.sort_key in sort_fields:
        order = [(sort_fields[query.sort_key], query.descending)]
    else:
        order = [default_order]
    order.append((tiebreak, order[0][1]))
    size = max(1, query.page_size)
    page_no = max(0, min(query.page, max(0, (total - 1) // size)))
    offset = page_no * size
    reverse = offset > total // 2 and total > size
    if reverse:
        limit = min(size, total - offset)
        offset = max(0, total - offset - limit)
        terms = [node.asc() if descending else node.desc() for node, descending in order]
    else:
        limit = size
        terms = [node.desc() if descending else node.asc() for node, descending in order]
    rows = list(select.order_by(*terms).limit(limit).offset(offset).dicts())
    if reverse:
        rows.reverse()
    return Page(rows=rows, total=total, page=page_no, page_size=size)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with wildcards in the text escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
