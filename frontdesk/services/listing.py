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
    default_sort: list[peewee.Node],
    tiebreak: peewee.Node,
) -> Page:
    """Count, order by a whitelisted column, and fetch one page as dicts."""
    total = select.order_by().count()
    order: list[peewee.Node] = []
    if query.sort_key in sort_fields:
        col = sort_fields[query.sort_key]
        order.append(col.desc() if query.descending else col.asc())
    order += default_sort
    order.append(tiebreak.desc() if query.descending else tiebreak.asc())
    size = max(1, query.page_size)
    page_no = max(0, min(query.page, max(0, (total - 1) // size)))
    rows = list(select.order_by(*order).limit(size).offset(page_no * size).dicts())
    return Page(rows=rows, total=total, page=page_no, page_size=size)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with wildcards in the text escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
