"""The status-bar count of overdue complaints, and the signal that any case was written.

Kept apart from the complaints page so the main window can show the count without importing
the page, its dialogs and the printing layer at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from frontdesk.errors import UserError
from frontdesk.ui.context import AppContext


class _Signals(QObject):
    changed = Signal()  # any case was written: the status-bar count refreshes


signals = _Signals()


class OverdueLabel(QLabel):
    """The status-bar count of overdue complaints; clicking it opens the page filtered to them."""

    def __init__(self, ctx: AppContext, open_overdue: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overdueComplaints")
        self.setContentsMargins(8, 0, 8, 0)
        self.linkActivated.connect(lambda _link: open_overdue())
        self.count = 0
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        signals.changed.connect(self.refresh)  # a QObject's bound slot: disconnected when it is destroyed
        QTimer.singleShot(0, self._first_refresh)  # after the window has painted

    def _first_refresh(self) -> None:
        from frontdesk.services.complaints import (
            cases as complaints,  # imported after the first paint, not at start-up
        )

        complaints.ensure_deadline_index()
        self.refresh()

    def refresh(self) -> None:
        from frontdesk.services.complaints import case_list as complaint_list

        try:
            self.count = complaint_list.overdue_count(self.ctx.actor)
        except UserError:
            return
        color = "#c62828" if self.count else "#2e7d32"
        self.setText(self.tr('<a href="overdue" style="color:{0}; text-decoration:none;">超期投诉：{1} 件</a>')
                     .format(color, self.count))


def open_overdue(window: Any) -> None:
    """Show the complaints page with only overdue cases (the status-bar link)."""
    page = window.open_page("complaints")
    if page is not None and hasattr(page, "overdue_only"):
        page.open_only.setChecked(False)
        page.overdue_only.setChecked(True)
