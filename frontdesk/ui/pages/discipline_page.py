"""违纪罚款: incidents (record, confirm, appeal, decide, revoke), the monthly fine sheet, dismissal proposals."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk.domain.fines import IncidentStatus
from frontdesk.domain.fines import label as fine_label
from frontdesk.domain.roles import Permission
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.discipline import incidents as discipline
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.incident_edit import AppealDialog, AuditDialog, IncidentDialog, ReasonDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.pages.fine_sheet_tab import DismissalTab, FineSheetTab
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

COLORS = {IncidentStatus.PENDING: "#fff8e1", IncidentStatus.APPEALED: "#fff3e0", IncidentStatus.REVOKED: "#eeeeee"}



class DisciplinePage(Page):
    """Managers see and handle everyone's incidents; staff see their own and can appeal."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.manager = ctx.actor.can(Permission.MANAGE_PERSONNEL)
        columns = spec_columns(discipline.INCIDENTS, {
            "number": 170, "occurred_at": 120, "staff_name": 70, "rule_code": 50, "description": 220, "amount": 70,
            "status": 60, "source": 70, "recorded_by_name": 70, "appeal_reason": 140})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索编号、员工、条款或情况"))
        self.site_filter = add_site_filter(self.panel, ctx.actor)  # head office: one site or all
        self.panel.model.row_color = lambda row: COLORS.get(row.get("status"))
        self.status_filter = ChoiceCombo([(None, self.tr("全部状态"))] + [
            (s.value, enum_text(s.value, fine_label)) for s in IncidentStatus])
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("status", self.status_filter.value()))
        self.panel.filter_bar.addWidget(self.status_filter)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot, allowed in (
            ("record", self.tr("登记违纪"), self.record, self.manager),
            ("confirm", self.tr("确认"), self.confirm, self.manager),
            ("appeal", self.tr("申诉"), self.appeal, not self.manager),
            ("decide", self.tr("处理申诉"), self.decide, self.manager),
            ("revoke", self.tr("撤销"), self.revoke, self.manager),
            ("history", self.tr("修改记录"), self.history, self.manager),
        ):
            if allowed:
                self.buttons[key] = QPushButton(text)
                self.buttons[key].setObjectName(key)
                self.buttons[key].clicked.connect(slot)
                self.panel.actions_bar.addWidget(self.buttons[key])
        self.export_btn = add_list_export(self, self.panel, "incidents", beside_pager=True)
        self.sheet = FineSheetTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.panel, self.tr("违纪记录"))
        self.tabs.addTab(self.sheet, self.tr("月度罚款表"))
        self.dismissals: DismissalTab | None = None
        if self.manager:
            self.dismissals = DismissalTab(ctx)
            self.tabs.addTab(self.dismissals, self.tr("辞退建议"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def export_excel(self) -> int | None:
        """导出Excel: the incidents as currently filtered (staff: their own), off the UI thread."""
        return export_named(self, self.panel, "incidents")

    def _fetch(self, query: ListQuery) -> DataPage:
        return discipline.list_incidents(self.ctx.actor, query)

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.panel:
            self.panel.refresh()
        elif current is self.sheet:
            self.sheet.refresh()
        elif self.dismissals is not None:
            self.dismissals.refresh()

    def _row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条违纪记录"))
        return row

    def _run(self, action: Any, done: str) -> None:
        if not succeeded(self, lambda: action()):
            return
        status(done)
        self.panel.refresh()

    def record(self) -> None:
        if IncidentDialog(self.ctx.actor, self).exec():
            status(self.tr("已登记违纪"))
            self.panel.refresh()

    def confirm(self) -> None:
        row = self._row()
        if row:
            self._run(lambda: discipline.confirm(self.ctx.actor, row["uuid"], revision=row.get("revision")), self.tr("已确认"))

    def appeal(self) -> None:
        row = self._row()
        if row and ReasonDialog(self.tr("申诉"), self.tr("申诉理由"),
                                lambda text: discipline.appeal(self.ctx.actor, row["uuid"], text, revision=row.get("revision")), self).exec():
            status(self.tr("申诉已提交，等待主管处理"))
            self.panel.refresh()

    def decide(self) -> None:
        row = self._row()
        if row is None:
            return
        if row["status"] != IncidentStatus.APPEALED.value:
            inform(self, self.tr("只有“申诉中”的记录需要处理申诉"))
            return
        if AppealDialog(self.ctx.actor, row, self).exec():
            status(self.tr("申诉已处理"))
            self.panel.refresh()

    def revoke(self) -> None:
        row = self._row()
        if row and ReasonDialog(self.tr("撤销违纪记录"), self.tr("撤销原因"),
                                lambda text: discipline.revoke(self.ctx.actor, row["uuid"], text, revision=row.get("revision")), self).exec():
            status(self.tr("已撤销"))
            self.panel.refresh()

    def history(self) -> None:
        row = self._row()
        if row:
            AuditDialog(self.ctx.actor, row["uuid"], row["number"], self).exec()


def _appeal_dialog(win: QWidget) -> AppealDialog:
    rows = discipline.list_incidents(win.ctx.actor, ListQuery(filters={"status": "appealed"}, page_size=1)).rows
    rows = rows or discipline.list_incidents(win.ctx.actor, ListQuery(page_size=1)).rows
    return AppealDialog(win.ctx.actor, rows[0], win)


def _audit_dialog(win: QWidget) -> AuditDialog:
    rows = discipline.list_incidents(win.ctx.actor, ListQuery(filters={"status": "confirmed"}, page_size=1)).rows
    return AuditDialog(win.ctx.actor, rows[0]["uuid"] if rows else "", rows[0]["number"] if rows else "", win)


screenshots.DIALOGS.update({
    "incident": lambda win: IncidentDialog(win.ctx.actor, win),
    "incident-appeal-decision": _appeal_dialog,
    "incident-history": _audit_dialog,
})
