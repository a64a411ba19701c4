"""A computed report on paper (PrintDocument: figures, tables, chart images) and in Excel (one sheet per table)."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from typing import Any

from frontdesk.clock import now
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.report import Report, ReportColumn, cell_text
from frontdesk.excel.exporter import Column, Kind, XlsxWriter
from frontdesk.services.core import audit

_EXCEL = {
    "int": (Kind.INT, "#,##0"),
    "percent": (Kind.INT, "0.0%"),
    "number": (Kind.INT, "0.0"),
    "money": (Kind.MONEY, None),
    "date": (Kind.DATE, None),
}
WIDE_TABLE = 10  # columns from which a report prints in landscape


def print_document(report: Report, site_name: str = "", images: list[bytes] | None = None) -> PrintDocument:
    """The report as a printable document: key figures as a field grid, each table, then the charts."""
    tables = []
    for table in report.tables:
        align = ["left" if c.kind == "text" else "right" for c in table.columns]
        rows = [[cell_text(value, column.kind) for value, column in zip(row, table.columns, strict=True)]
                for row in table.rows]
        title = table.title + (f"　（{table.note}）" if table.note else "")
        tables.append(Table([c.header for c in table.columns], rows, title, align))  # type: ignore[arg-type]
    widest = max((len(t.columns) for t in report.tables), default=0)
    return PrintDocument(
        title=report.title,
        subtitle=report.period.text(),
        site_name=site_name,
        fields=list(report.figures),
        tables=tables,
        paragraphs=list(report.notes),
        images=list(images or []),
        landscape=widest >= WIDE_TABLE,
        field_columns=3,
        printed_at=now(),
        signature_lines=["制表", "审核"],
        footer=audit.anchor() if report.anchored else "",
    )


def _excel_column(index: int, column: ReportColumn) -> Column:
    kind, fmt = _EXCEL.get(column.kind, (Kind.TEXT, None))
    return Column(str(index), column.header, kind, number_format=fmt)


def _cell(value: Any, column: ReportColumn) -> Any:
    """What Excel stores: numbers as numbers; a text cell in a number column (合计, —) as text."""
    if value is None:
        return None
    if column.kind == "date" and not isinstance(value, date):
        return None
    if column.kind in _EXCEL and not isinstance(value, int | Decimal | float | date):
        return None
    return value


def write_xlsx(report: Report, path: str | os.PathLike[str]) -> int:
    """A workbook: 概要 (the key figures and notes), then one formatted sheet per table; the sheet count."""
    with XlsxWriter(path) as writer:
        summary = [("报表", report.title), *report.figures, *[("说明", n) for n in report.notes],
                   *([("审计链校验码", audit.anchor())] if report.anchored else [])]
        writer.add_sheet("概要", [Column("0", "项目"), Column("1", "内容")], summary)
        for table in report.tables:
            columns = [_excel_column(i, c) for i, c in enumerate(table.columns)]
            rows = [tuple(_cell(v, c) for v, c in zip(row, table.columns, strict=True)) for row in table.rows]
            writer.add_sheet(table.title.split("（")[0][:31], columns, rows)
    return 1 + len(report.tables)
