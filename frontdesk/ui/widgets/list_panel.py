"""A searchable, SQL-sorted, paged table: search box, filters, the table and a pager."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import scan_codes
from frontdesk.services.core.listing import CURSOR_KEYS, ListQuery, Page, cursor
from frontdesk.ui.models.page_model import Column, PageModel
from frontdesk.ui.ops import attempt


class ListPanel(QWidget):
    """Everything a module list needs; the module supplies the columns and a fetch function."""

    activated = Signal(dict)
    currentChanged = Signal(object)  # noqa: N815 - dict or None

    def __init__(
        self,
        columns: list[Column],
        fetch: Callable[[ListQuery], Page],
        page_size: int = 50,
        search_hint: str = "",
        parent: QWidget | None = None,
        fill: str = "",
    ) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.page_size = page_size
        self.filters: dict[str, Any] = {}
        self.sort_key = ""
        self.descending = False
        self.page_no = 0
        self.last_page: Page | None = None
        self.last_query_ms = 0.0

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(search_hint or self.tr("搜索"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter)

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search)
        self.filter_bar = QHBoxLayout()
        self.toolbar.addLayout(self.filter_bar)
        self.toolbar.addStretch(1)
        self.actions_bar = QHBoxLayout()
        self.toolbar.addLayout(self.actions_bar)

        self.model = PageModel(columns, self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_metrics, cell_metrics = self.table.horizontalHeader().fontMetrics(), self.table.fontMetrics()
        for i, column in enumerate(columns):
            if column.width:  # never narrower than its header or its labels (in English too: “Satisfaction”)
                fitted = [header_metrics.horizontalAdvance(column.header) + 28,
                          *[min(cell_metrics.horizontalAdvance(text) + 14, 160) for text in getattr(column, "samples", ())]]
                self.table.setColumnWidth(i, max(column.width, *fitted))
        # ``fill``: the column (a list's main text, 核心诉求) that takes the width the columns before it leave in
        # view, so it is never pushed off the right edge; the columns after it stay a scroll away.
        self.fill_column = next((i for i, column in enumerate(columns) if fill and column.key == fill), -1)
        self.fill_base = self.table.columnWidth(self.fill_column) if self.fill_column >= 0 else 0
        if self.fill_column >= 0:
            self.table.viewport().installEventFilter(self)
            self.table.horizontalHeader().sectionResized.connect(
                lambda index, _old, _new: self.fit_fill() if index < self.fill_column else None)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.currentChanged.emit(self.model.row_at(cur.row()))
        )

        self.first_btn = QPushButton(self.tr("首页"))
        self.prev_btn = QPushButton(self.tr("上一页"))
        self.next_btn = QPushButton(self.tr("下一页"))
        self.last_btn = QPushButton(self.tr("末页"))
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.first_btn.clicked.connect(lambda: self.go(0))
        self.prev_btn.clicked.connect(lambda: self.step(-1))
        self.next_btn.clicked.connect(lambda: self.step(+1))
        self.last_btn.clicked.connect(lambda: self.go(10**9))
        pager = QHBoxLayout()
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        for button in (self.first_btn, self.prev_btn, self.next_btn, self.last_btn):
            button.setAutoDefault(False)
            pager.addWidget(button)

        self.model.sortRequested.connect(self._sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)

    def fit_fill(self) -> None:
        """Widen the ``fill`` column to the width left in view after the columns before it (never narrower
        than it was declared)."""
        if self.fill_column < 0:
            return
        before = sum(self.table.columnWidth(i) for i in range(self.fill_column) if not self.table.isColumnHidden(i))
        self.table.setColumnWidth(self.fill_column, max(self.fill_base, self.table.viewport().width() - before))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit_fill()
        return super().eventFilter(watched, event)

    def query(self, **cursor: Any) -> ListQuery:
        return ListQuery(
            search=self.search.text().strip(),
            filters=dict(self.filters),
            sort_key=self.sort_key,
            descending=self.descending,
            page=self.page_no,
            page_size=self.page_size,
            **cursor,
        )

    def refresh(self, **cursor: Any) -> None:
        """Fetch the current page again (after a save, a filter change); ``cursor`` pages on."""
        started = time.perf_counter()
        page = attempt(self, lambda: self.fetch(self.query(**cursor)))
        if page is None:
            return
        self.last_query_ms = (time.perf_counter() - started) * 1000
        self.last_page = page
        self.page_no = page.page
        self.model.set_rows(page.rows)
        # An estimated total (PostgreSQL at millions of rows): “约 N 条”; the last page is still the real end.
        text = self.tr("约 {0} 条，第 {1}/{2} 页") if getattr(page, "approximate", False) else self.tr("共 {0} 条，第 {1}/{2} 页")
        self.page_label.setText(text.format(f"{page.total:,}", page.page + 1, page.page_count))
        self.first_btn.setEnabled(page.page > 0)
        self.prev_btn.setEnabled(page.page > 0)
        self.next_btn.setEnabled(page.page + 1 < page.page_count)
        self.last_btn.setEnabled(page.page + 1 < page.page_count)

    def set_filter(self, key: str, value: Any) -> None:
        if value in (None, ""):
            self.filters.pop(key, None)
        else:
            self.filters[key] = value
        self.page_no = 0
        self.refresh()

    def go(self, page_no: int) -> None:
        self.page_no = max(0, page_no)
        self.refresh()

    def step(self, delta: int) -> None:
        """Next or previous page, continuing from the edge row of this one (no OFFSET scan)."""
        rows = self.model.rows
        if not rows or not all(k in rows[0] for k in CURSOR_KEYS):
            self.go(self.page_no + delta)
            return
        self.page_no = max(0, self.page_no + delta)
        if delta > 0:
            self.refresh(after=cursor(rows[-1]))
        else:
            self.refresh(before=cursor(rows[0]))

    def current_row(self) -> dict[str, Any] | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _enter(self) -> None:
        """Enter in the search box: a printed paper's QR code (typed by a USB scanner) or a whole number opens
        that record (the main window's open_scanned); anything else searches at once."""
        self._debounce.stop()
        text = self.search.text()
        opener = getattr(self.window(), "open_scanned", None)
        if opener is not None and scan_codes.parse(text) is not None and opener(text):
            if not self.isVisible():  # opened on another page: this list forgets the code
                self.search.clear()
            return
        self._search_now()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.page_no = 0
        self.refresh()

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.page_no = 0
        self.refresh()

    def _activate(self) -> None:
        row = self.current_row()
        if row is not None:
            self.activated.emit(row)
