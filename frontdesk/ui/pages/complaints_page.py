"""Complaints page (投诉处理): overdue cases in red, filters, the workflow buttons, the transfer slip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from frontdesk.domain.printdoc import PrintDocument
from frontdesk.domain.roles import Permission
from frontdesk.domain.sla import ClockKind, Priority, Severity, Stage
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import handling
from frontdesk.services.core import holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.complaint_close import CloseDialog
from frontdesk.ui.dialogs.complaint_detail import WARNING_STYLE, ComplaintDetailDialog, fmt_span
from frontdesk.ui.dialogs.complaint_handling import ApproveDialog, ClassifyDialog, EscalateDialog
from frontdesk.ui.dialogs.complaint_new import ComplaintDialog
from frontdesk.ui.dialogs.complaint_stage import NoteDialog, StageDialog
from frontdesk.ui.dialogs.sla_policy import PolicyDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.list_export_action import add_beside_pager, export_button, export_named
from frontdesk.ui.messages import localized
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.pages.list_page import ListPage
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel
from frontdesk.ui.widgets.overdue_label import signals

OVERDUE_BG = "#ffcdd2"
PAUSED_BG = "#eceff1"


class ComplaintsPage(ListPage):
    """Every case, newest first; double-click for the detail with all deadlines and the log."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(complaint_list.COMPLAINTS, {
            "number": 190, "opened_at": 130, "customer_name": 80, "phone": 105, "subject": 200, "severity": 70,
            "level": 60, "stage": 80, "paused": 60, "due_at": 130, "due_clock": 110, "remaining": 100,
            "department_name": 90, "handler_name": 70, "satisfaction": 70},
            fmt={"paused": lambda v: self.tr("暂停") if v else "", "remaining": fmt_span,
                 "due_clock": lambda v: enum_text(ClockKind(v).label) if v else ""})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索编号、投诉人、电话或事由"))
        self.site_filter = add_site_filter(self.panel, ctx.actor)  # head office: one site or all
        self.panel.model.row_color = lambda row: OVERDUE_BG if row.get("overdue") else (
            PAUSED_BG if row.get("paused") else None)
        self.stage_filter = ChoiceCombo([(None, self.tr("全部阶段"))] + [(s.value, enum_text(s.label)) for s in Stage])
        self.stage_filter.setObjectName("stageFilter")
        self.severity_filter = ChoiceCombo([(None, self.tr("全部程度"))] + [(s.value, enum_text(s.label)) for s in Severity])
        self.level_filter = ChoiceCombo(
            [(None, self.tr("全部等级"))] + [(p.value, f"{p.value} {enum_text(p.label)}") for p in Priority])
        self.open_only = QCheckBox(self.tr("未结案"))
        self.overdue_only = QCheckBox(self.tr("仅超期"))
        self.overdue_only.setObjectName("overdueOnly")
        filters = QHBoxLayout()  # a row of its own: the toolbar keeps the search box and the buttons
        for key, combo in (("stage", self.stage_filter), ("severity", self.severity_filter),
                           ("level", self.level_filter)):
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self.panel.set_filter(k, c.value()))
            filters.addWidget(combo)
        self.open_only.toggled.connect(lambda on: self.panel.set_filter("open_only", on or None))
        self.overdue_only.toggled.connect(lambda on: self.panel.set_filter("overdue", on or None))
        filters.addWidget(self.open_only)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)

        for key, text, slot in (
            ("new", self.tr("新建"), self.new_case), ("detail", self.tr("详情"), self.show_detail),
            ("advance", self.tr("推进"), self.advance), ("pause", self.tr("暂停"), lambda: self.log("pause")),
            ("resume", self.tr("恢复"), lambda: self.log("resume")), ("note", self.tr("备注"), lambda: self.log("note")),
            ("close", self.tr("结案"), self.close_case), ("classify", self.tr("分类指派"), self.classify),
            ("approve", self.tr("审批方案"), self.approve), ("escalate", self.tr("上报领导"), self.escalate),
        ):
            self.add_button(key, text, slot)
        self.policy_btn = QPushButton(self.tr("时限标准…"))  # in the filter row: the toolbar is full
        self.policy_btn.setObjectName("btn_policy")
        self.policy_btn.clicked.connect(self.edit_policy)
        self.policy_btn.setVisible(ctx.actor.can(Permission.MANAGE_REFERENCE))
        filters.addWidget(self.policy_btn)
        self.buttons["close"].setToolTip(self.tr("推进到「归档总结」后，记录客户满意度并结案"))
        self.print_btn = self.add_print_button("print", self.tr("打印转办单"), [("", self._slip)])
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        # ten workflow buttons fill the toolbar row at 1366 px: printing and export go beside the row count
        self.panel.actions_bar.removeWidget(self.print_btn)
        for button in (self.export_btn, self.print_btn):
            add_beside_pager(self.panel, button)
        self.panel.activated.connect(lambda _row: self.show_detail())
        self.panel.currentChanged.connect(self.update_buttons)

        self.warning = QLabel()
        self.warning.setObjectName("calendarWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(filters)
        layout.addWidget(self.panel)
        self.update_buttons(None)

    def export_excel(self) -> int | None:
        """导出Excel: the rows as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "complaints")

    def _fetch(self, query: ListQuery) -> DataPage:
        return complaint_list.list_complaints(self.ctx.actor, query)

    def refresh(self) -> None:
        warning = holidays.calendar_warning()
        self.warning.setText(localized(warning) if warning else "")
        self.warning.setVisible(bool(warning))
        super().refresh()

    def update_buttons(self, row: dict[str, Any] | None) -> None:
        """Enable what the user may do on the selected case; a refused action says why in its tooltip."""
        open_case = row is not None and row["stage"] != Stage.CLOSED.value
        for key in ("advance", "pause", "resume", "note", "close", "classify", "approve", "escalate"):
            self.buttons[key].setEnabled(open_case)
            self.buttons[key].setToolTip("")
        if open_case and row is not None:
            self.buttons["pause"].setEnabled(not row["paused"])
            self.buttons["resume"].setEnabled(bool(row["paused"]))
            for key, why in handling.actions_for(self.ctx.actor, row).items():
                self.buttons[key].setEnabled(why is None)
                self.buttons[key].setToolTip(localized(why) if why else "")
        self.buttons["detail"].setEnabled(row is not None)
        self.print_btn.setEnabled(row is not None)

    def select_hint(self) -> str:
        return self.tr("请先在列表中选择一件投诉")

    def after_change(self, message: str) -> None:
        signals.changed.emit()
        super().after_change(message)

    def _run_dialog(self, make: Callable[[dict[str, Any]], QDialog], message: str) -> None:
        """A workflow dialog over the selected case, read fresh with its log."""
        self.run_on_selected(lambda row: make(complaints.get_complaint(self.ctx.actor, row["uuid"])), message)

    def new_case(self) -> None:
        dialog = ComplaintDialog(self.ctx.actor, self)
        if dialog.exec():
            self.after_change(self.tr("已受理投诉 {0}").format(dialog.saved_number))

    def show_detail(self) -> None:
        row = self.selected()
        if row is not None:
            ComplaintDetailDialog(self.ctx.actor, row["uuid"], self).exec()

    def advance(self) -> None:
        self._run_dialog(lambda case: StageDialog(self.ctx.actor, case, self), self.tr("已推进到下一阶段"))

    def log(self, kind: str) -> None:
        done = {"pause": self.tr("已暂停计时"), "resume": self.tr("已恢复计时"), "note": self.tr("已添加备注")}
        self._run_dialog(lambda case: NoteDialog(self.ctx.actor, case, kind, self), done[kind])

    def close_case(self) -> None:
        self._run_dialog(lambda case: CloseDialog(self.ctx.actor, case, self), self.tr("已结案"))

    def classify(self) -> None:
        self._run_dialog(lambda case: ClassifyDialog(self.ctx.actor, case, self), self.tr("分类已更新"))

    def approve(self) -> None:
        self._run_dialog(lambda case: ApproveDialog(self.ctx.actor, case, self), self.tr("已审批方案"))

    def escalate(self) -> None:
        self._run_dialog(lambda case: EscalateDialog(self.ctx.actor, case, self), self.tr("已记录上报"))

    def edit_policy(self) -> None:
        self.run(lambda: PolicyDialog(self.ctx.actor, self), self.tr("时限标准已保存，新受理的投诉按新标准计时"))

    def _slip(self, uuid: str) -> PrintDocument:
        return complaint_list.transfer_slip(self.ctx.actor, uuid, self.ctx.site_name)

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        """The selected case's transfer slip (投诉转办处理单) as a PDF."""
        return self.save_pdf(self._slip, path)


def _first_case(win: Any, stage: str | None = None) -> dict[str, Any]:
    query = ListQuery(filters={"stage": stage} if stage else {"open_only": True}, page_size=1)
    rows = complaint_list.list_complaints(win.ctx.actor, query).rows
    if not rows and stage:
        return _first_case(win)
    return complaints.get_complaint(win.ctx.actor, rows[0]["uuid"])


screenshots.DIALOGS.update({
    "complaint-new": lambda win: ComplaintDialog(win.ctx.actor, win),
    "complaint-stage": lambda win: StageDialog(win.ctx.actor, _first_case(win), win),
    "complaint-pause": lambda win: NoteDialog(win.ctx.actor, _first_case(win), "pause", win),
    "complaint-close": lambda win: CloseDialog(win.ctx.actor, _first_case(win, Stage.ARCHIVE.value), win),
    "complaint-detail": lambda win: ComplaintDetailDialog(win.ctx.actor, _first_case(win)["uuid"], win),
    "complaint-classify": lambda win: ClassifyDialog(win.ctx.actor, _first_case(win), win),
    "complaint-escalate": lambda win: EscalateDialog(win.ctx.actor, _first_case(win), win),
    "complaint-policy": lambda win: PolicyDialog(win.ctx.actor, win),
})
