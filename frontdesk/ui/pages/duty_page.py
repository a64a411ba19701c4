"""值守清单 (seed 002): this shift's duty checklist ticked with its readings, the record of ticks and readings
(exported), the lines missed at shift end with W08 in one step for the manager, and the checklist's set-up."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from frontdesk.domain.duty import CheckStatus
from frontdesk.domain.roles import Permission
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import duties
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.duty_edit import DutyItemDialog, DutyTickDialog, MissedDutyDialog, shift_choices
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import confirm, inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

DONE, LATE, MISSED = "#e8f5e9", "#ffebee", "#eeeeee"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], colors: list[str | None]) -> None:
    table.setRowCount(len(rows))
    for i, (cells, color) in enumerate(zip(rows, colors, strict=True)):
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if color:
                item.setBackground(QColor(color))
            table.setItem(i, j, item)


def _button(bar: QHBoxLayout, name: str, text: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    bar.addWidget(button)
    return button


class DutyPage(Page):
    """Clerks tick their shift's lines; managers see the misses (W08) and keep the checklist."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        actor = ctx.actor
        self.rows: list[dict[str, Any]] = []
        self.missed_rows: list[dict[str, Any]] = []
        self.item_rows: list[dict[str, Any]] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dutyTabs")

        # this shift's checklist
        shift = QWidget()
        bar = QHBoxLayout()
        day, type_uuid = duties.current_shift(actor)
        self.day = DateField(day, optional=False)
        self.day.setObjectName("dutyDay")
        self.shift = ChoiceCombo(shift_choices(actor, every=False))
        self.shift.setObjectName("dutyShift")
        self.shift.set_value(type_uuid)
        self.day.dateChanged.connect(lambda _d: self.refresh_checklist())
        self.shift.currentIndexChanged.connect(lambda _i: self.refresh_checklist())
        bar.addWidget(QLabel(self.tr("班次")))
        bar.addWidget(self.day)
        bar.addWidget(self.shift)
        self.summary = QLabel()
        self.summary.setObjectName("dutySummary")
        bar.addWidget(self.summary, 1)
        self.tick_btn = _button(bar, "tickDuty", self.tr("完成…"), self.tick)
        self.untick_btn = _button(bar, "untickDuty", self.tr("撤销打勾"), self.untick)
        self.table = _table([self.tr("时间"), self.tr("值守事项"), self.tr("读数"), self.tr("完成人"),
                             self.tr("完成时间"), self.tr("说明")], "dutyChecklist")
        for j, width in enumerate((60, 200, 110, 80, 120)):
            self.table.setColumnWidth(j, width)
        self.table.doubleClicked.connect(lambda _i: self.tick())
        box = QVBoxLayout(shift)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        self.tabs.addTab(shift, self.tr("本班清单"))

        # the record of ticks and readings
        columns = spec_columns(duties.CHECKS, {
            "day": 90, "shift_name": 60, "item_name": 200, "status": 70, "done_at": 130, "staff_name": 80,
            "reading": 110, "unit": 60, "note": 200})
        self.record = ListPanel(columns, self._fetch, ctx.settings.page_size)
        self.record.search.hide()
        self.record_filter = ChoiceCombo([(None, self.tr("全部记录")), ("readings", self.tr("只看读数")),
                                          (CheckStatus.MISSED.value, self.tr("漏做（已登记违纪）"))])
        self.record_filter.setObjectName("recordFilter")
        self.record_filter.currentIndexChanged.connect(self._record_filter)
        self.record.filter_bar.addWidget(self.record_filter)
        self.export_btn = add_list_export(self, self.record, "duty_checks")
        self.tabs.addTab(self.record, self.tr("值守记录与读数"))

        # the misses, for the manager
        self.missed_table: QTableWidget | None = None
        if actor.can(Permission.MANAGE_PERSONNEL):
            missed = QWidget()
            bar = QHBoxLayout()
            self.missed_label = QLabel()
            self.missed_label.setObjectName("missedSummary")
            bar.addWidget(self.missed_label, 1)
            self.raise_btn = _button(bar, "raiseW08", self.tr("登记 W08…"), self.raise_w08)
            self.missed_table = _table([self.tr("日期"), self.tr("班次"), self.tr("时间"), self.tr("漏做事项"),
                                        self.tr("当班员工"), self.tr("违纪")], "missedDuties")
            for j, width in enumerate((90, 60, 60, 220, 200)):
                self.missed_table.setColumnWidth(j, width)
            self.missed_table.doubleClicked.connect(lambda _i: self.raise_w08())
            box = QVBoxLayout(missed)
            box.addLayout(bar)
            box.addWidget(self.missed_table, 1)
            self.tabs.addTab(missed, self.tr("漏做事项"))

        # the checklist's set-up
        self.items_table: QTableWidget | None = None
        if actor.can(Permission.MANAGE_REFERENCE):
            setup = QWidget()
            bar = QHBoxLayout()
            bar.addWidget(QLabel(self.tr("本站的值守清单（默认为前台运营要求）")), 1)
            _button(bar, "addDuty", self.tr("新增"), self.add_item)
            _button(bar, "editDuty", self.tr("编辑"), self.edit_item)
            _button(bar, "deleteDuty", self.tr("删除"), self.delete_item)
            self.items_table = _table([self.tr("值守事项"), self.tr("班次"), self.tr("时间"), self.tr("读数"),
                                       self.tr("状态"), self.tr("说明")], "dutyItems")
            for j, width in enumerate((200, 80, 60, 80, 60)):
                self.items_table.setColumnWidth(j, width)
            self.items_table.doubleClicked.connect(lambda _i: self.edit_item())
            box = QVBoxLayout(setup)
            box.addLayout(bar)
            box.addWidget(self.items_table, 1)
            self.tabs.addTab(setup, self.tr("清单设置"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- data ---

    def _fetch(self, query: ListQuery) -> DataPage:
        return duties.list_checks(self.ctx.actor, query)

    def _record_filter(self) -> None:
        value = self.record_filter.value()
        self.record.filters.pop("status", None)
        if value == CheckStatus.MISSED.value:
            self.record.filters["status"] = value
        self.record.set_filter("readings", True if value == "readings" else None)

    def export_excel(self) -> int | None:
        """导出Excel: the ticks and readings as filtered, off the UI thread."""
        return export_named(self, self.record, "duty_checks")

    def refresh(self) -> None:
        self.refresh_checklist()
        self.record.refresh()
        self.refresh_missed()
        self.refresh_items()

    def refresh_checklist(self) -> None:
        day, type_uuid = self.day.value() or clock.today(), self.shift.value() or ""
        self.rows = duties.checklist(self.ctx.actor, day, type_uuid)
        moment = clock.now()
        cells, colors = [], []
        for r in self.rows:
            reading = f"{r['reading']} {r['unit']}".strip() if r["reading"] is not None else (
                self.tr("（需读数）") if r["needs_reading"] else "")
            done = f"{r['done_at']:%m-%d %H:%M}" if r["done_at"] else ""
            who = r["staff_name"] if r["status"] == CheckStatus.DONE.value else (
                self.tr("漏做：{0}").format(r["staff_name"]) if r["status"] else "")
            cells.append([r["due_time"], r["name"], reading, who, done, r["check_note"] or r["note"]])
            late = bool(r["due_time"]) and moment > datetime.combine(day, datetime.strptime(r["due_time"], "%H:%M").time())
            colors.append(DONE if r["status"] == CheckStatus.DONE.value else MISSED if r["status"] else
                          LATE if late else None)
        _fill(self.table, cells, colors)
        done = sum(1 for r in self.rows if r["status"] == CheckStatus.DONE.value)
        self.summary.setText(self.tr("已完成 {0} / {1} 项").format(done, len(self.rows)) if self.rows
                             else self.tr("本班次没有值守事项"))

    def refresh_missed(self) -> None:
        if self.missed_table is None:
            return
        self.missed_rows = duties.missed(self.ctx.actor)
        cells = [[f"{r['day']}", r["shift_name"], r["due_time"], r["item_name"], "、".join(n for _u, n in r["staff"]),
                  self.tr("已登记") if r["incident_uuid"] else ""] for r in self.missed_rows]
        _fill(self.missed_table, cells, [MISSED if r["incident_uuid"] else LATE for r in self.missed_rows])
        open_ones = sum(1 for r in self.missed_rows if not r["incident_uuid"])
        self.missed_label.setText(self.tr("近 {0} 天结束的班次中有 {1} 项值守未完成，其中 {2} 项未处理").format(
            duties.MISSED_DAYS, len(self.missed_rows), open_ones))

    def refresh_items(self) -> None:
        if self.items_table is None:
            return
        self.item_rows = duties.list_items(self.ctx.actor, include_inactive=True)
        every = QCoreApplication.translate("DutyItemDialog", "每个班次")
        cells = [[r["name"], r["shift_name"] or every, r["due_time"], r["unit"] if r["needs_reading"] else "",
                  self.tr("启用") if r["active"] else self.tr("停用"), r["note"]] for r in self.item_rows]
        _fill(self.items_table, cells, [None if r["active"] else MISSED for r in self.item_rows])

    # --- actions ---

    def _current(self, table: QTableWidget, rows: list[dict[str, Any]], hint: str) -> dict[str, Any] | None:
        i = table.currentRow()
        if 0 <= i < len(rows):
            return rows[i]
        inform(self, hint)
        return None

    def tick(self) -> None:
        row = self._current(self.table, self.rows, self.tr("请先选择一项值守事项"))
        if row is None:
            return
        if row["status"]:
            inform(self, self.tr("该事项本班已记录"))
            return
        row = dict(row, shift_label=self.shift.currentText())
        if DutyTickDialog(self.ctx.actor, self.day.value() or clock.today(), self.shift.value() or "", row,
                          self).exec():
            status(self.tr("已完成：{0}").format(row["name"]))
            self.refresh_checklist()
            self.record.refresh()

    def untick(self) -> None:
        row = self._current(self.table, self.rows, self.tr("请先选择一项值守事项"))
        if row is None or row["status"] != CheckStatus.DONE.value:
            return
        if confirm(self, self.tr("撤销“{0}”的打勾吗？").format(row["name"])) and succeeded(
                self, lambda: duties.untick(self.ctx.actor, row["check_uuid"])):
            self.refresh_checklist()
            self.record.refresh()

    def raise_w08(self) -> None:
        if self.missed_table is None:
            return
        row = self._current(self.missed_table, self.missed_rows, self.tr("请先选择一项漏做事项"))
        if row is None:
            return
        if row["incident_uuid"]:
            inform(self, self.tr("该漏做事项已登记违纪"))
            return
        if not row["staff"]:
            inform(self, self.tr("该班次没有排班员工，请在违纪罚款页面登记"))
            return
        dialog = MissedDutyDialog(self.ctx.actor, row, self)
        if dialog.exec():
            status(self.tr("已登记 W08 违纪，待确认"))
            self.refresh_missed()
            self.record.refresh()

    def add_item(self) -> None:
        if DutyItemDialog(self.ctx.actor, parent=self).exec():
            self.refresh_items()
            self.refresh_checklist()

    def edit_item(self) -> None:
        if self.items_table is None:
            return
        row = self._current(self.items_table, self.item_rows, self.tr("请先选择一项值守事项"))
        if row is not None and DutyItemDialog(self.ctx.actor, row, self).exec():
            self.refresh_items()
            self.refresh_checklist()

    def delete_item(self) -> None:
        if self.items_table is None:
            return
        row = self._current(self.items_table, self.item_rows, self.tr("请先选择一项值守事项"))
        if row is not None and confirm(self, self.tr("删除值守事项“{0}”吗？").format(row["name"])) and succeeded(
                self, lambda: duties.delete_item(self.ctx.actor, row["uuid"])):
            self.refresh_items()
            self.refresh_checklist()


def _checklist_state(win: QWidget) -> None:
    """The page on yesterday's morning shift: the demo ticked it, the meter read, perhaps a line missed."""
    page = win.open_page("duty")
    page.tabs.setCurrentIndex(0)
    morning = next((u for u, _label in shift_choices(win.ctx.actor, every=False)), "")
    page.day.set_value(clock.today() - timedelta(days=1))
    page.shift.set_value(morning)
    page.refresh_checklist()


def _tick_dialog(win: QWidget) -> DutyTickDialog:
    actor = win.ctx.actor
    day, type_uuid = duties.current_shift(actor)
    rows = [r for t, _n in shift_choices(actor, every=False) for r in duties.checklist(actor, day, t)
            if r["needs_reading"]] or duties.checklist(actor, day, type_uuid)
    if not rows:
        raise LookupError("no duty items")
    dialog = DutyTickDialog(actor, day, rows[0]["shift_type_uuid"] or type_uuid, rows[0], win)
    dialog.reading.setText("12876.4")  # demo data
    return dialog


def _missed_dialog(win: QWidget) -> MissedDutyDialog:
    rows = [r for r in duties.missed(win.ctx.actor) if r["staff"] and not r["incident_uuid"]]
    if not rows:
        raise LookupError("no missed duty")
    return MissedDutyDialog(win.ctx.actor, rows[0], win)


def _item_dialog(win: QWidget) -> DutyItemDialog:
    rows = duties.list_items(win.ctx.actor)
    return DutyItemDialog(win.ctx.actor, rows[0] if rows else None, win)


screenshots.PAGE_STATES["duty-checklist"] = _checklist_state
screenshots.DIALOGS.update({"duty-tick": _tick_dialog, "duty-missed-w08": _missed_dialog, "duty-item": _item_dialog})
