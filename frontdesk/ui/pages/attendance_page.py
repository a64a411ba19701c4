"""排班考勤: the week grid, attendance records with clock-in/out and corrections, leave and swap requests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.attendance import AttendanceStatus
from frontdesk.domain.attendance import label as attendance_label
from frontdesk.domain.roles import Permission
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import attendance, shifts
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import attendance_edit as dlg
from frontdesk.ui.dialogs.incident_edit import AuditDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import attempt, succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.pages.requests_tab import RequestsTab
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

STATUS_COLORS = {AttendanceStatus.LATE: "#fff3e0", AttendanceStatus.EARLY: "#fff3e0",
                 AttendanceStatus.ABSENT: "#ffebee", AttendanceStatus.LEAVE: "#e3f2fd",
                 AttendanceStatus.SWAPPED: "#f3e5f5"}



def _time(value: Any) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


class WeekGrid(QWidget):
    """Staff down the side, Monday–Sunday across; each cell lists that person's shifts."""

    def __init__(self, page: AttendancePage) -> None:
        super().__init__()
        self.page = page
        self.monday = clock.today() - timedelta(days=clock.today().weekday())
        self.data: dict[str, Any] = {"days": [], "rows": []}
        self.title = QLabel()
        self.title.setObjectName("weekTitle")
        self.table = QTableWidget()
        self.table.setObjectName("weekGrid")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(30)
        bar = QHBoxLayout()
        for text, delta in ((self.tr("上一周"), -7), (self.tr("本周"), 0), (self.tr("下一周"), 7)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, d=delta: self.go(d))
            bar.addWidget(button)
        bar.addWidget(self.title)
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        manager = page.ctx.actor.can(Permission.MANAGE_PERSONNEL)
        for key, text, slot, allowed in (
            ("assign", self.tr("排班"), self.assign, manager), ("unassign", self.tr("取消排班"), self.unassign, manager),
            ("types", self.tr("班次设置"), self.edit_types, manager), ("swap", self.tr("申请调班"), self.swap, True),
        ):
            if allowed:
                self.buttons[key] = QPushButton(text)
                self.buttons[key].clicked.connect(slot)
                bar.addWidget(self.buttons[key])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def go(self, delta: int) -> None:
        today = clock.today() - timedelta(days=clock.today().weekday())
        self.monday = today if delta == 0 else self.monday + timedelta(days=delta)
        self.refresh()

    def refresh(self) -> None:
        self.data = shifts.week_grid(self.page.ctx.actor, self.monday)
        days, rows = self.data["days"], self.data["rows"]
        self.title.setText(self.tr("{0} 至 {1}").format(days[0], days[-1]))
        names = [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"), self.tr("周六"),
                 self.tr("周日")]
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels([f"{names[i]} {d:%m-%d}"
                                              for i, d in enumerate(days)])
        self.table.setVerticalHeaderLabels([f"{r['staff_no']} {r['name']}" for r in rows])
        for i, row in enumerate(rows):
            for j, cell in enumerate(row["cells"]):
                swapped = self.tr("（调）")
                item = QTableWidgetItem("、".join(c["name"] + (swapped if c["swapped_from"] else "") for c in cell))
                status_value = cell[0]["status"] if cell else ""
                if status_value in STATUS_COLORS:
                    item.setBackground(QBrush(QColor(STATUS_COLORS[status_value])))
                item.setData(Qt.ItemDataRole.UserRole, cell)
                self.table.setItem(i, j, item)
        for j in range(7):
            self.table.setColumnWidth(j, 120)

    def _selected(self) -> tuple[str, date, list[dict[str, Any]]] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.data["rows"][index.row()]
        return row["uuid"], self.data["days"][index.column()], row["cells"][index.column()]

    def assign(self) -> None:
        chosen = self._selected()
        dialog = dlg.AssignDialog(self.page.ctx.actor, chosen[1] if chosen else self.monday,
                                  chosen[0] if chosen else None, self)
        if dialog.exec():
            status(self.tr("已排班"))
            self.refresh()

    def unassign(self) -> None:
        chosen = self._selected()
        if not chosen or not chosen[2]:
            inform(self, self.tr("请先在排班表中选择一个已排的班次"))
            return
        if not succeeded(self, lambda: shifts.unassign(self.page.ctx.actor, chosen[2][0]["uuid"])):
            return
        self.refresh()

    def edit_types(self) -> None:
        if dlg.ShiftTypeDialog(self.page.ctx.actor, self).exec():
            self.refresh()

    def swap(self) -> None:
        if dlg.SwapDialog(self.page.ctx.actor, self).exec():
            status(self.tr("调班申请已提交，等待主管审批"))
            self.page.requests.refresh()


class AttendancePage(Page):
    """Tabs: 排班表, 考勤记录, 请假与调班."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.manager = ctx.actor.can(Permission.MANAGE_PERSONNEL)
        self.grid = WeekGrid(self)
        columns = spec_columns(attendance.SHIFTS, {
            "day": 90, "staff_name": 80, "shift_name": 60, "start_at": 90, "end_at": 90, "clock_in": 90,
            "clock_out": 90, "status": 60, "late_minutes": 70, "early_minutes": 70, "correction_reason": 140},
            fmt={key: _time for key in ("start_at", "end_at", "clock_in", "clock_out")})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索员工姓名或工号"))
        self.site_filter = add_site_filter(self.panel, ctx.actor)  # head office: one site or all
        self.panel.model.row_color = lambda row: STATUS_COLORS.get(row.get("status"))
        self.status_filter = ChoiceCombo([(None, self.tr("全部状态")), ("exceptions", self.tr("仅异常"))] + [
            (s.value, enum_text(s.value, attendance_label)) for s in AttendanceStatus])
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.panel.filter_bar.addWidget(self.status_filter)
        # The list runs newest first by start time: scheduled shifts still to come (待考勤) would head it above
        # the records worked; by default it runs up to today, and this box adds the future shifts.
        self.future = QCheckBox(self.tr("含未来排班"))
        self.future.setObjectName("futureShifts")
        self.future.toggled.connect(lambda on: self.panel.set_filter("day_to", None if on else clock.today()))
        self.panel.filters["day_to"] = clock.today()
        self.panel.filter_bar.addWidget(self.future)
        self.panel.search.setMinimumWidth(160)  # the row holds six buttons (and head office's site filter)
        self.buttons: dict[str, QPushButton] = {}
        actions = [("clock", self.tr("签到 / 签退"), self.clock, True), ("leave", self.tr("请假"), self.leave, True),
                   ("edit", self.tr("补录/更正"), self.edit, self.manager),
                   ("propose", self.tr("生成违纪建议"), self.propose, self.manager),
                   ("history", self.tr("修改记录"), self.history, self.manager),
                   ("grace", self.tr("考勤设置"), self.grace, self.manager)]
        for key, text, slot, allowed in actions:
            if allowed:
                self.buttons[key] = QPushButton(text)
                self.buttons[key].setObjectName(key)
                self.buttons[key].clicked.connect(slot)
                self.panel.actions_bar.addWidget(self.buttons[key])
        self.export_btn = add_list_export(self, self.panel, "shifts", beside_pager=True)
        self.requests = RequestsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, self.tr("排班表"))
        self.tabs.addTab(self.panel, self.tr("考勤记录"))
        self.tabs.addTab(self.requests, self.tr("请假与调班"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _filter(self) -> None:
        value = self.status_filter.value()
        self.panel.filters.pop("status", None)
        self.panel.filters.pop("exceptions", None)
        if value == "exceptions":
            self.panel.set_filter("exceptions", True)
        else:
            self.panel.set_filter("status", value)

    def export_excel(self) -> int | None:
        """导出Excel: the attendance list as currently filtered (staff: their own), off the UI thread."""
        return export_named(self, self.panel, "shifts")

    def _fetch(self, query: ListQuery) -> DataPage:
        return attendance.list_attendance(self.ctx.actor, query)

    def refresh(self) -> None:
        attendance.sweep()
        current = self.tabs.currentWidget()
        if current is self.grid:
            self.grid.refresh()
        elif current is self.panel:
            if not self.future.isChecked():
                self.panel.filters["day_to"] = clock.today()  # still “up to today” after midnight
            self.panel.refresh()
        else:
            self.requests.refresh()

    def _row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条考勤记录"))
        return row

    def clock(self) -> None:
        dialog = dlg.ClockDialog(self.ctx.actor, self)
        if dialog.exec() and dialog.result_info:
            info = dialog.result_info
            what = self.tr("签到") if info["action"] == "clock_in" else self.tr("签退")
            status(self.tr("{0}成功：{1}，{2}").format(what, f"{info['at']:%H:%M}", enum_text(info["status"], attendance_label)))
            self.panel.refresh()

    def leave(self) -> None:
        if dlg.LeaveDialog(self.ctx.actor, self).exec():
            status(self.tr("请假申请已提交"))
            self.refresh()

    def edit(self) -> None:
        row = self._row()
        if row and dlg.AttendanceEditDialog(self.ctx.actor, row, self).exec():
            self.panel.refresh()

    def propose(self) -> None:
        count = attempt(self, lambda: attendance.propose_incidents(self.ctx.actor))
        if count is None:
            return
        inform(self, self.tr("已生成 {0} 条待确认的违纪记录，请到「违纪罚款」页逐条确认。").format(count))
        self.panel.refresh()

    def history(self) -> None:
        row = self._row()
        if row:
            AuditDialog(self.ctx.actor, row["uuid"], f"{row['staff_name']} {row['day']}", self).exec()

    def grace(self) -> None:
        dlg.GraceDialog(self.ctx.actor, self).exec()


def _attendance_edit(win: QWidget) -> dlg.AttendanceEditDialog:
    rows = attendance.list_attendance(win.ctx.actor, ListQuery(filters={"status": "late"}, page_size=1)).rows
    rows = rows or attendance.list_attendance(win.ctx.actor, ListQuery(page_size=1)).rows
    return dlg.AttendanceEditDialog(win.ctx.actor, rows[0], win)


screenshots.DIALOGS.update({
    "shift-type": lambda win: dlg.ShiftTypeDialog(win.ctx.actor, win),
    "shift-assign": lambda win: dlg.AssignDialog(win.ctx.actor, clock.today(), None, win),
    "shift-swap": lambda win: dlg.SwapDialog(win.ctx.actor, win),
    "clock": lambda win: dlg.ClockDialog(win.ctx.actor, win),
    "attendance-edit": _attendance_edit,
    "leave": lambda win: dlg.LeaveDialog(win.ctx.actor, win),
})
