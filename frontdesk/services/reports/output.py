"""A computed report on paper (PrintDocument: figures, tables, chart images) and in Excel (one sheet per table)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from frontdesk.clock import now
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.report import Report, ReportColumn, cell_text, localize
from frontdesk.errors import T
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
Text = Callable[[str], str]  # the UI's translator of Messages (frontdesk.ui.messages.localized); str: Chinese


def _same(text: str) -> str:
    return text


def sheet_name(title: str, taken: set[str]) -> str:
    """An Excel sheet name from a table title: the part before its bracket, at most 31 characters, unique."""
    name = title.split("（")[0].split(" (")[0]
    name = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip()[:31] or "Sheet"
    base, n = name, 2
    while name.casefold() in taken:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def print_document(report: Report, site_name: str = "", images: list[bytes] | None = None,
                   text: Text = _same) -> PrintDocument:
    """The report as a printable document: key figures as a field grid, each table, then the charts; every
    label in the language of ``text`` (the UI passes its translator; the default keeps the Chinese)."""
    report = localize(report, text)
    tables = []
    for table in report.tables:
        align = ["left" if c.kind == "text" else "right" for c in table.columns]
        rows = [[cell_text(value, column.kind) for value, column in zip(row, table.columns, strict=True)]
                for row in table.rows]
        title = table.title + (text(T("reports", "　（{0}）").format(table.note)) if table.note else "")
        tables.append(Table([c.header for c in table.columns], rows, title, align))  # type: ignore[arg-type]
    widest = max((len(t.columns) for t in report.tables), default=0)
    return PrintDocument(
        title=report.title,
        subtitle=text(report.period.text()),
        site_name=site_name,
        fields=list(report.figures),
        tables=tables,
        paragraphs=list(report.notes),
        images=list(images or []),
        landscape=widest >= WIDE_TABLE,
        field_columns=2,  # English labels run long: two label–value pairs a row keep the values whole
        printed_at=now(),
        signature_lines=[text(T("reports", "制表")), text(T("reports", "审核"))],
        footer=text(audit.anchor()) if report.anchored else "",
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


def write_xlsx(report: Report, path: str | os.PathLike[str], text: Text = _same) -> int:
    """A workbook: 概要 (the key figures and notes), then one formatted sheet per table; the sheet count.
    Sheet names, headers and labels in the language of ``text``; the sheets and columns in the same order in
    either language."""
    report = localize(report, text)
    taken: set[str] = set()
    with XlsxWriter(path) as writer:
        summary = [(text(T("reports", "报表")), report.title), *report.figures, *[(text(T("reports", "说明")), n) for n in report.notes],
                   *([(text(T("reports", "审计链校验码")), text(audit.anchor()))] if report.anchored else [])]
        columns = [Column("0", text(T("reports", "项目"))), Column("1", text(T("reports", "内容")))]
        writer.add_sheet(sheet_name(text(T("reports", "概要")), taken), columns, summary)
        for table in report.tables:
            columns = [_excel_column(i, c) for i, c in enumerate(table.columns)]
            rows = [tuple(_cell(v, c) for v, c in zip(row, table.columns, strict=True)) for row in table.rows]
            writer.add_sheet(sheet_name(table.title, taken), columns, rows)
    return 1 + len(report.tables)
