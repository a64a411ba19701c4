"""A thin table model over one SQL page: columns (from a list's ListSpec by key), translated headers, sort asked of SQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from frontdesk.services.core.list_spec import ColumnKind, ListSpec
from frontdesk.ui.i18n import enum_format, enum_text
from frontdesk.ui.messages import localized

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def format_value(value: Any) -> str:
    """Plain display text: dates as 2026-11-23, times to the minute, money with two places."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column: the row key, its header, how to show it, and whether SQL can sort by it."""

    key: str
    header: str
    width: int = 0
    fmt: Callable[[Any], str] | None = None
    sortable: bool = True
    align_right: bool = False
    samples: tuple[str, ...] = ()  # texts the column should fit without eliding (an enum's labels)


class PageModel(QAbstractTableModel):
    """Shows the rows of one page; clicking a header asks the page to re-query sorted in SQL."""

    sortRequested = Signal(str, bool)  # noqa: N815 - Qt signal naming

    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.row_color: Callable[[dict[str, Any]], str | None] | None = None

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(column.key)
            return column.fmt(value) if column.fmt else format_value(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.get(column.key)
            text = column.fmt(value) if column.fmt else format_value(value)
            return text if len(text) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.row_color is not None:
            color = self.row_color(row)
            return QBrush(QColor(color)) if color else None
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return self.columns[section].header
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sortable:
            self.sortRequested.emit(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def spec_columns(spec: ListSpec, widths: Mapping[str, int],
                 fmt: Mapping[str, Callable[[Any], str]] | None = None,
                 enums: Mapping[str, type[Enum]] | None = None) -> list[Column]:
    """The table columns of a list declared in services: the keys of ``widths``, in that order, with the
    spec's translated header, its sortability and a formatter for its kind (``fmt`` overrides by key).

    An enum column is sized to fit every label of its labeller, which may cover a whole module's enums;
    ``enums`` names a column's own enum so that it fits that enum's labels only (状态 need not fit “立即回复”)."""
    fmt, enums = fmt or {}, enums or {}
    columns = []
    for key, width in widths.items():
        column = spec.column(key)
        formatter = fmt.get(key)
        samples: tuple[str, ...] = ()
        if column.kind is ColumnKind.ENUM:
            formatter = formatter or enum_format(column.labels)
            own = enums.get(key)
            samples = (tuple(enum_text(column.labels(member.value)) for member in own) if own else
                       tuple(enum_text(text) for text in getattr(column.labels, "labels", ())))
        columns.append(Column(key, localized(column.header), width, formatter, column.sort_node is not None,
                              column.kind in (ColumnKind.INT, ColumnKind.MONEY), samples))
    return columns
