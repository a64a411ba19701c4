"""The 请假与调班 tab: leave and swap requests, approved or rejected by a manager."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.attendance import label as attendance_label
from frontdesk.domain.roles import Permission
from frontdesk.services.personnel import leaves, shifts
from frontdesk.ui.context import AppContext
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.messages import inform, status
from frontdesk.ui.ops import succeeded


def _fill(table: QTableWidget, rows: list[dict[str, Any]], cells: Callable[[dict[str, Any]], list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(cells(row)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row["uuid"])
            if row.get("overdue_paperwork"):
                item.setBackground(QBrush(QColor("#ffebee")))
            table.setItem(i, j, item)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class RequestsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        manager = ctx.actor.can(Permission.MANAGE_PERSONNEL)
        self.leaves = _table([self.tr("员工"), self.tr("类型"), self.tr("开始"), self.tr("结束"), self.tr("状态"),
                              self.tr("补办期限"), self.tr("事由")], "leaves")
        self.swaps = _table([self.tr("申请人"), self.tr("替班人"), self.tr("班次"), self.tr("申请时间"),
                             self.tr("状态"), self.tr("原因")], "swaps")
        for table, widths in ((self.leaves, (80, 80, 120, 120, 70, 120)), (self.swaps, (80, 80, 160, 120, 70))):
            for j, w in enumerate(widths):
                table.setColumnWidth(j, w)
            fit_headers(table)
        layout = QVBoxLayout(self)
        for title, table, decide in ((self.tr("请假申请（红色：电话请假逾期未补办，按旷工处理）"), self.leaves, self._decide_leave),
                                     (self.tr("调班申请"), self.swaps, self._decide_swap)):
            bar = QHBoxLayout()
            bar.addWidget(QLabel(title))
            bar.addStretch(1)
            if manager:
                for text, approve in ((self.tr("批准"), True), (self.tr("驳回"), False)):
                    button = QPushButton(text)
                    button.clicked.connect(lambda _=False, t=table, d=decide, a=approve: self._decide(t, d, a))
                    bar.addWidget(button)
            layout.addLayout(bar)
            layout.addWidget(table, 1)

    def refresh(self) -> None:
        actor = self.ctx.actor
        _fill(self.leaves, leaves.list_leaves(actor), lambda r: [
            r["staff_name"], enum_text(r["kind"], attendance_label), f"{r['start_at']:%Y-%m-%d %H:%M}", f"{r['end_at']:%Y-%m-%d %H:%M}",
            enum_text(r["status"], attendance_label), f"{r['paperwork_due']:%m-%d %H:%M}" if r["paperwork_due"] else "", r["reason"]])
        _fill(self.swaps, shifts.list_swaps(actor), lambda r: [
            r["requester_name"], r["target_name"], f"{r['start_at']:%Y-%m-%d %H:%M} {r['shift_name']}",
            f"{r['requested_at']:%m-%d %H:%M}", enum_text(r["status"], attendance_label), r["reason"]])

    def _decide(self, table: QTableWidget, decide: Callable[[str, bool], None], approve: bool) -> None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        if item is None:
            inform(self, self.tr("请先选择一条申请"))
            return
        if not succeeded(self, lambda: decide(item.data(Qt.ItemDataRole.UserRole), approve)):
            return
        status(self.tr("已批准") if approve else self.tr("已驳回"))
        self.refresh()

    def _decide_leave(self, uuid: str, approve: bool) -> None:
        leaves.decide_leave(self.ctx.actor, uuid, approve)

    def _decide_swap(self, uuid: str, approve: bool) -> None:
        shifts.decide_swap(self.ctx.actor, uuid, approve)
