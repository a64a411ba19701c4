"""A list declared once: its columns (key, translatable header, kind, SQL expression, sort) feed the page
query, the Excel export and the UI's table columns (the UI adds only widths and formatting, by key)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

import peewee

from frontdesk.domain.labels import Label
from frontdesk.domain.phones import mask_phone
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, T
from frontdesk.excel.exporter import Cancel, Column, Kind, export_rows
from frontdesk.services.core.listing import ListQuery, Page, run_page

Progress = Callable[[int, int | None], None]
YES, NO = T("columns", "是"), T("columns", "否")


class ColumnKind(Enum):
    """What a column holds: how it is written to Excel and shown in a table."""

    TEXT = "text"
    LONG_TEXT = "long_text"  # a wide column in Excel, never sorted
    INT = "int"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    BOOL = "bool"
    CUSTOMER_PHONE = "customer_phone"  # a customer's phone number: text that an export may mask


_EXCEL_KIND = {ColumnKind.TEXT: Kind.TEXT, ColumnKind.LONG_TEXT: Kind.TEXT, ColumnKind.INT: Kind.INT,
               ColumnKind.MONEY: Kind.MONEY, ColumnKind.DATE: Kind.DATE, ColumnKind.DATETIME: Kind.DATETIME,
               ColumnKind.ENUM: Kind.ENUM, ColumnKind.BOOL: Kind.BOOL, ColumnKind.CUSTOMER_PHONE: Kind.TEXT}


@dataclass(frozen=True)
class ListColumn:
    """One column of a list: ``expr`` is selected as ``key``; ``sort`` makes it sortable (by ``expr`` or the
    node given). ``listed``/``exported``: whether the page query / the export fetch it."""

    key: str
    header: Message
    kind: ColumnKind = ColumnKind.TEXT
    expr: peewee.Node | None = field(default=None, hash=False, compare=False)
    sort: bool | peewee.Node = field(default=False, hash=False, compare=False)
    labels: Label | None = field(default=None, hash=False, compare=False)
    listed: bool = True
    exported: bool = True
    width: int | None = None  # Excel character units; None: measured (LONG_TEXT: 40)

    def __post_init__(self) -> None:
        if self.kind is ColumnKind.ENUM and self.labels is None:
            raise ValueError(f"column {self.key!r}: an ENUM column needs labels")

    @property
    def sort_node(self) -> peewee.Node | None:
        if self.sort is True:
            return self.expr
        return self.sort or None  # type: ignore[return-value]

    def excel(self) -> Column:
        width = self.width or (40 if self.kind is ColumnKind.LONG_TEXT else None)
        return Column(self.key, str(self.header), _EXCEL_KIND[self.kind], width=width, labels=self.labels)


def col(key: str, header: Message, kind: ColumnKind = ColumnKind.TEXT, expr: peewee.Node | None = None,
        **options: Any) -> ListColumn:
    """A ListColumn, positional in the order it is read: key, header, kind, expression."""
    return ListColumn(key, header, kind, expr, **options)


@dataclass(frozen=True)
class ListExport:
    """A list ready to stream: sheet title, columns (their spec too), lazy rows in column order, their count."""

    title: str
    columns: list[Column]
    rows: Iterable[tuple[Any, ...]]
    total: int
    specs: Sequence[ListColumn] = ()

    def write(self, path: str | os.PathLike[str], progress: Progress | None = None,
              cancel: Cancel | None = None) -> int:
        return export_rows(path, self.title, self.columns, self.rows, total=self.total, progress=progress,
                           cancel=cancel)

    def map_kind(self, kind: ColumnKind, convert: Callable[[Any], Any]) -> ListExport:
        """The same export with ``convert`` applied to every value of the columns of ``kind`` (a mask)."""
        where = [i for i, spec in enumerate(self.specs) if spec.kind is kind]
        if not where:
            return self

        def rows() -> Iterator[tuple[Any, ...]]:
            for row in self.rows:
                values = list(row)
                for i in where:
                    if values[i] is not None:
                        values[i] = convert(values[i])
                yield tuple(values)

        return replace(self, rows=rows())

    def localized(self, text: Callable[[str], str]) -> ListExport:
        """The same export with its title, headers, enum labels and 是/否 in the language of ``text`` (the UI's
        translator of Messages). The columns keep their order and the data stay as they are, so an import reads
        a file exported in either language back (see README, “Excel exports and the UI language”)."""
        columns = []
        for column, spec in zip(self.columns, self.specs, strict=True) if self.specs else ():
            header = text(spec.header)
            if column.kind is Kind.BOOL:
                yes, no = text(YES), text(NO)
                column = replace(column, header=header, kind=Kind.ENUM, labels=lambda v, y=yes, n=no: y if v else n)
            elif column.kind is Kind.ENUM and column.labels is not None:
                column = replace(column, header=header, labels=translated_labels(column.labels, text))
            else:
                column = replace(column, header=header)
            columns.append(column)
        return replace(self, title=text(self.title), columns=columns or self.columns)


def translated_labels(labels: Any, text: Callable[[str], str]) -> Any:
    """Enum labels (a mapping or a label function giving Chinese vocabulary labels) in the language of ``text``."""
    def one(label: Any) -> Any:
        if not label or not isinstance(label, str):
            return label
        return text(label if isinstance(label, Message) else Message("enum", label))

    if callable(labels):
        return lambda value: one(labels(value))
    return {key: one(label) for key, label in labels.items()}


@dataclass(frozen=True)
class ListSpec:
    """A list's columns in order, its sheet title and its default order (with the id as tiebreak)."""

    title: Message
    columns: tuple[ListColumn, ...]
    default_order: tuple[peewee.Node, bool] = field(hash=False, compare=False)
    tiebreak: peewee.Node = field(hash=False, compare=False)

    def __post_init__(self) -> None:
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate column keys in {self.title}: {keys}")

    def column(self, key: str) -> ListColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def sort_fields(self) -> dict[str, peewee.Node]:
        return {c.key: node for c in self.columns if (node := c.sort_node) is not None}

    def list_fields(self, *extra: peewee.Node) -> list[peewee.Node]:
        """What the page query selects: the listed columns with an expression, then ``extra`` (ids, flags)."""
        return [c.expr.alias(c.key) for c in self.columns if c.listed and c.expr is not None] + list(extra)

    def exported(self) -> list[ListColumn]:
        return [c for c in self.columns if c.exported and c.expr is not None]

    def page(self, select: peewee.ModelSelect, query: ListQuery, **options: Any) -> Page:
        """One page of ``select`` (built on ``list_fields()``), sorted by a sortable column or the default."""
        return run_page(select, query, self.sort_fields, self.default_order, self.tiebreak, **options)

    def export(self, actor: Actor, select: Callable[[list[peewee.Node]], peewee.ModelSelect], query: ListQuery,
               total: int | None = None, title: str | None = None) -> ListExport:
        """Every row of the list's filters (``select(fields)`` builds the query), sorted as the page is;
        ``total`` when the caller counts cheaper than ``select([id]).count()``. Customer phones are masked
        (138****8000) unless ``actor`` may export customer data (seed 001: 严禁泄露客户资料)."""
        if total is None:
            total = select([self.tiebreak]).count()
        columns = self.exported()
        ordered = select([c.expr for c in columns])  # type: ignore[misc]
        sort = self.sort_fields
        node, descending = (sort[query.sort_key], query.descending) if query.sort_key in sort else self.default_order
        ordered = ordered.order_by(node.desc() if descending else node.asc(),
                                   self.tiebreak.desc() if descending else self.tiebreak.asc())
        export = ListExport(title or self.title, [c.excel() for c in columns], _stream(ordered), total, columns)
        if actor.can(Permission.EXPORT_CUSTOMER_DATA):
            return export
        return export.map_kind(ColumnKind.CUSTOMER_PHONE, mask_phone)


def _stream(select: peewee.ModelSelect) -> Iterator[tuple[Any, ...]]:
    """Rows one at a time, the query run on first use: on the thread that writes the file."""
    yield from select.tuples().iterator()
