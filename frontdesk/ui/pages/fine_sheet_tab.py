"""The 月度罚款表 tab (sign-off, reopen, export) and the 辞退建议 tab of the discipline page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain import attendance as attendance_rules
from frontdesk.domain.fines import yuan
from frontdesk.domain.roles import Permission
from frontdesk.services.discipline import fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.incident_edit import AuditDialog, ReasonDialog
from frontdesk.ui.file_dialogs import choose_xlsx
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.messages import confirm, inform, localized, status
from frontdesk.ui.ops import attempt, run_with_progress, succeeded
from frontdesk.ui.widgets.inputs import ChoiceCombo

PREVIOUS_MONTH_UNTIL_DAY = 5  # up to this day of a month the sheet opens on the previous month


def recent_months(count: int = 13) -> list[str]:
    year, month = clock.today().year, clock.today().month
    out = []
    for _ in range(count):
        out.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


class FineSheetTab(QWidget):
    """Per person and total for a month; managers sign off (locks), reopen with a reason, export."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.month = ChoiceCombo([(m, m) for m in recent_months()])
        self.month.setObjectName("month")
        # The default month: the previous one until the 5th of a month (the days its sheet is checked and
        # signed; the new month has hardly a record yet, only a zero 合计 row), the current one from the 6th.
        if clock.today().day <= PREVIOUS_MONTH_UNTIL_DAY:
            self.month.setCurrentIndex(1)
        self.month.currentIndexChanged.connect(self.refresh)
        self.state = QLabel()
        self.state.setObjectName("sheetState")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("sheet")
        self.table.setHorizontalHeaderLabels([self.tr("工号"), self.tr("姓名"), self.tr("已确认条数"),
                                              self.tr("罚款合计（元）"), self.tr("待处理条数")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for j, w in enumerate((90, 100, 100, 130)):
            self.table.setColumnWidth(j, w)
        fit_headers(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("月份")))
        bar.addWidget(self.month)
        bar.addWidget(self.state, 1)
        self.buttons: dict[str, QPushButton] = {}
        if ctx.actor.can(Permission.MANAGE_PERSONNEL):
            for key, text, slot in (("sign", self.tr("签字确认"), self.sign_off), ("reopen", self.tr("重新打开"), self.reopen),
                                    ("print", self.tr("打印"), self.print_sheet), ("export", self.tr("导出Excel"), self.export),
                                    ("log", self.tr("签字记录"), self.log)):
                self.buttons[key] = QPushButton(text)
                self.buttons[key].setObjectName(key)
                self.buttons[key].clicked.connect(slot)
                bar.addWidget(self.buttons[key])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        data = fine_sheet.sheet(self.ctx.actor, self.month.value())
        rows = data["rows"]
        self.table.setRowCount(len(rows) + 1)
        for i, row in enumerate(rows + [{"staff_no": self.tr("合计"), "name": "", "count": sum(r["count"] for r in rows),
                                         "amount": data["total"], "open": data["open"]}]):
            for j, value in enumerate((row["staff_no"], row["name"], str(row["count"]), yuan(row["amount"]),
                                       str(row["open"]))):
                item = QTableWidgetItem(value)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        if data["locked"]:
            text = self.tr("已签字锁定：{0}，{1}").format(data["signed_by"], f"{data['signed_at']:%Y-%m-%d %H:%M}")
        else:
            text = self.tr("未签字") + (self.tr("（重新打开原因：{0}）").format(data["reopen_reason"])
                                        if data["reopen_reason"] else "")
        self.state.setText(text)
        if self.buttons:
            self.buttons["sign"].setEnabled(not data["locked"])
            self.buttons["reopen"].setEnabled(data["locked"])

    def sign_off(self) -> None:
        month = self.month.value()
        if not confirm(self, self.tr("签字确认 {0} 的罚款表？签字后该月的违纪、罚款与考勤将被锁定。").format(month)):
            return
        if not succeeded(self, lambda: fine_sheet.sign_off(self.ctx.actor, month)):
            return
        status(self.tr("{0} 罚款表已签字锁定").format(month))
        self.refresh()

    def reopen(self) -> None:
        month = self.month.value()
        if ReasonDialog(self.tr("重新打开 {0}").format(month), self.tr("原因"),
                        lambda text: fine_sheet.reopen(self.ctx.actor, month, text), self).exec():
            self.refresh()

    def print_sheet(self) -> None:
        """Preview and print the sheet for signing; it carries the audit chain's short code."""
        month = self.month.value()
        doc = attempt(self, lambda: fine_sheet.print_document(self.ctx.actor, month, self.ctx.site_name))
        if doc is not None:
            from frontdesk.ui import printing

            printing.show_print_preview(doc, self)

    def export(self) -> None:
        month = self.month.value()
        path = choose_xlsx(self, self.tr("罚款表-{0}.xlsx").format(month))
        if path is None:
            return
        count = run_with_progress(self, lambda ctx: fine_sheet.export_sheet(
            self.ctx.actor, month, path, ctx.progress, ctx.cancelled, localized), self.tr("正在导出 {0} 罚款表").format(month))
        if count is not None:
            status(self.tr("已导出 {0} 条违纪明细到 {1}").format(count, path))

    def log(self) -> None:
        month = self.month.value()
        AuditDialog(self.ctx.actor, fine_sheet._key(month), month, self).exec()


class DismissalTab(QWidget):
    """Dismissal proposals raised by dismissal-flagged rules; the manager agrees or not."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[dict] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("dismissals")
        self.table.setHorizontalHeaderLabels([self.tr("员工"), self.tr("违纪编号"), self.tr("条款"), self.tr("情况"),
                                              self.tr("状态")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for j, w in enumerate((90, 170, 60, 300)):
            self.table.setColumnWidth(j, w)
        fit_headers(self.table)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("按“情节严重者辞退”或“并予辞退”条款登记的违纪，须由主管决定是否辞退。")), 1)
        for text, approve in ((self.tr("同意辞退"), True), (self.tr("不予辞退"), False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=approve: self.decide(a))
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.rows = discipline.list_dismissals(self.ctx.actor, pending_only=False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, v in enumerate((r["staff_name"], r["number"], r["rule_code"], r["description"],
                                   enum_text(r["status"], attendance_rules.label))):
                self.table.setItem(i, j, QTableWidgetItem(v))

    def decide(self, approve: bool) -> None:
        if self.table.currentRow() < 0:
            inform(self, self.tr("请先选择一条辞退建议"))
            return
        uuid = self.rows[self.table.currentRow()]["uuid"]
        if ReasonDialog(self.tr("辞退建议"), self.tr("意见"),
                        lambda text: discipline.decide_dismissal(self.ctx.actor, uuid, approve, text), self).exec():
            self.refresh()
