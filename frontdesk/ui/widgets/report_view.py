"""A computed report on screen: key figures, charts (QtCharts, loaded on first use) and fitted tables."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.report import Report, ReportTable, cell_text
from frontdesk.ui.messages import localized


def render_report(layout: QVBoxLayout, report: Report) -> None:
    """Add the report's title, figures, notes, charts and tables to ``layout``."""
    title = QLabel(QCoreApplication.translate("ReportView", "{0}　{1}").format(report.title, localized(report.period.text())))
    title.setObjectName("reportTitle")
    title.setStyleSheet("font-size: 14pt; font-weight: bold;")
    layout.addWidget(title)
    figures = QWidget()
    grid = QGridLayout(figures)
    grid.setContentsMargins(0, 0, 0, 0)
    for i, (name, value) in enumerate(report.figures):
        label = QLabel(f'<span style="color:#607d8b;">{name}</span><br/><b style="font-size:13pt;">{value}</b>')
        grid.addWidget(label, i // 4, i % 4)
    layout.addWidget(figures)
    for note in report.notes:
        layout.addWidget(QLabel(note))
    if report.charts:
        layout.addWidget(report_charts(report))
    for table in report.tables:
        caption = QLabel(table.title)
        caption.setStyleSheet("font-weight: bold; margin-top: 8px;")
        layout.addWidget(caption)
        if table.note:
            note = QLabel(table.note)
            note.setWordWrap(True)
            note.setStyleSheet("color: #607d8b;")
            layout.addWidget(note)
        layout.addWidget(report_table(table))
    layout.addStretch(1)


def report_charts(report: Report) -> QWidget:
    from frontdesk.ui.charts import chart_view  # QtCharts is loaded on the first report, not at start-up

    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    row = column = 0
    for i, chart in enumerate(c for c in report.charts if not c.empty):
        view = chart_view(chart)
        view.setObjectName(f"chart_{i}")
        wide = chart.kind == "hbar" or len(chart.categories) > 16  # rankings and a month of days: a whole row
        if wide and column:
            row, column = row + 1, 0
        grid.addWidget(view, row, column, 1, 2 if wide else 1)
        row, column = (row + 1, 0) if wide or column else (row, 1)
    return box


def report_table(table: ReportTable) -> QTableWidget:
    widget = QTableWidget(len(table.rows), len(table.columns))
    widget.setObjectName(f"table_{table.key}")
    widget.setHorizontalHeaderLabels([c.header for c in table.columns])
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    bold = QFont(widget.font())
    bold.setBold(True)
    totals = {"合计", QCoreApplication.translate("reports", "合计")}  # the totals row, in either language
    for r, row in enumerate(table.rows):
        total = row[0] in totals
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            item = QTableWidgetItem(cell_text(value, column.kind))
            if column.kind != "text":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if total:
                item.setFont(bold)
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    widget.resizeRowsToContents()
    height = header.sizeHint().height() + sum(widget.rowHeight(r) for r in range(len(table.rows))) + 4
    widget.setFixedHeight(max(height, header.sizeHint().height() + 30))
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget
