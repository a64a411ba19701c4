"""Columns never narrower than their header: English headers run longer than the Chinese widths were set for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

PADDING = 28  # the header's margins and its sort indicator


def fit_headers(view: QTableView) -> None:
    """Widen each visible column of ``view`` whose width cuts its header text (“atisfactio”); others stay."""
    header, model = view.horizontalHeader(), view.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + PADDING
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)
