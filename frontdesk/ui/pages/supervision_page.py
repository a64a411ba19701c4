"""监督检查: inspection rounds and mystery-shopper visits with their findings (managers record them, a clerk sees
those about their own work), and public-opinion entries logged at the desk and followed up by a manager."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk import clock
from frontdesk.domain.roles import Permission
from frontdesk.domain.supervision import LABELS, FindingAction, InspectionKind, OpinionSource, OpinionStatus
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import supervision
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.supervision_edit import (
    FindingDialog,
    InspectionDialog,
    InspectionViewDialog,
    OpinionDialog,
    OpinionFollowUpDialog,
)
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


def _enum(value: str) -> str:
    return QCoreApplication.translate("enum", LABELS.get(value, value))


class SupervisionPage(Page):
    """Two tabs: 监督检查 and 舆情与意见."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        actor = ctx.actor
        self.manager = actor.can(Permission.MANAGE_PERSONNEL)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisionTabs")
        self.buttons: dict[str, QPushButton] = {}

        columns = spec_columns(supervision.INSPECTIONS, {
            "at": 125, "kind": 125, "inspector": 110, "staff_name": 100, "failed": 80, "findings": 70,
            "summary": 280, "recording": 180})
        self.inspections = ListPanel(columns, self._inspections, ctx.settings.page_size, self.tr("搜索小结、员工或检查人"))
        self.inspections.model.row_color = lambda row: "#fff8e1" if row.get("failed") else None
        self.kind_filter = ChoiceCombo([(None, self.tr("全部方式"))] + [(k.value, _enum(k.value)) for k in InspectionKind])
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.currentIndexChanged.connect(
            lambda: self.inspections.set_filter("kind", self.kind_filter.value()))
        self.inspections.filter_bar.addWidget(self.kind_filter)
        actions = [("viewInspection", self.tr("查看"), self.view)]
        if self.manager:
            actions = [("newRound", self.tr("现场巡查…"), lambda: self.new_inspection(InspectionKind.ROUND.value)),
                       ("newMystery", self.tr("暗访…"), lambda: self.new_inspection(InspectionKind.MYSTERY.value)),
                       ("addFinding", self.tr("添加发现…"), self.add_finding), *actions]
        for key, text, slot in actions:
            self._button(self.inspections, key, text, slot)
        self.inspections_export = add_list_export(self, self.inspections, "inspections", beside_pager=True)
        self.inspections.activated.connect(lambda _row: self.view())
        self.tabs.addTab(self.inspections, self.tr("监督检查"))

        columns = spec_columns(supervision.OPINIONS, {
            "received_at": 125, "source": 105, "platform": 90, "rating": 50, "author": 80, "content": 280,
            "status": 60, "follow_up": 200, "handler_name": 80},
            fmt={"rating": lambda v: f"{v}★" if v else ""},
            enums={"source": OpinionSource, "status": OpinionStatus})  # all nine fit 1366 px in English
        self.opinions = ListPanel(columns, self._opinions, ctx.settings.page_size, self.tr("搜索内容、平台或发布人"))
        self.opinions.model.row_color = lambda row: (
            None if row.get("status") == OpinionStatus.CLOSED.value else
            "#ffebee" if (row.get("rating") or 5) <= 2 else "#fff8e1")
        self.source_filter = ChoiceCombo([(None, self.tr("全部来源"))] + [(s.value, _enum(s.value)) for s in OpinionSource])
        self.source_filter.setObjectName("sourceFilter")
        self.source_filter.currentIndexChanged.connect(
            lambda: self.opinions.set_filter("source", self.source_filter.value()))
        self.status_filter = ChoiceCombo([(None, self.tr("全部状态"))] + [(s.value, _enum(s.value)) for s in OpinionStatus])
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(
            lambda: self.opinions.set_filter("status", self.status_filter.value()))
        self.opinions.filter_bar.addWidget(self.source_filter)
        self.opinions.filter_bar.addWidget(self.status_filter)
        self._button(self.opinions, "logOpinion", self.tr("登记…"), self.log_opinion)
        if actor.can(Permission.MANAGE_COMPLAINTS):
            self._button(self.opinions, "followUp", self.tr("跟进…"), self.follow_up)
            self.opinions.activated.connect(lambda _row: self.follow_up())
        self.opinions_export = add_list_export(self, self.opinions, "opinions", beside_pager=True)
        self.tabs.addTab(self.opinions, self.tr("舆情与意见"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _button(self, panel: ListPanel, key: str, text: str, slot: Any) -> None:
        button = QPushButton(text)
        button.setObjectName(key)
        button.clicked.connect(lambda _checked=False: slot())
        panel.actions_bar.addWidget(button)
        self.buttons[key] = button

    def _inspections(self, query: ListQuery) -> DataPage:
        return supervision.list_inspections(self.ctx.actor, query)

    def _opinions(self, query: ListQuery) -> DataPage:
        return supervision.list_opinions(self.ctx.actor, query)

    def export_excel(self) -> int | None:
        """导出Excel: the list of the tab shown, as filtered."""
        if self.tabs.currentWidget() is self.opinions:
            return export_named(self, self.opinions, "opinions")
        return export_named(self, self.inspections, "inspections")

    def refresh(self) -> None:
        (self.opinions if self.tabs.currentWidget() is self.opinions else self.inspections).refresh()

    def _inspection(self) -> dict[str, Any] | None:
        row = self.inspections.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条检查记录"))
        return row

    def new_inspection(self, kind: str) -> None:
        dialog = InspectionDialog(self.ctx.actor, kind, self)
        if dialog.exec():
            status(self.tr("已记录检查，可继续添加发现"))
            self.inspections.refresh()

    def add_finding(self) -> None:
        row = self._inspection()
        if row is None:
            return
        data = supervision.get_inspection(self.ctx.actor, row["uuid"])
        dialog = FindingDialog(self.ctx.actor, data, self)
        if dialog.exec():
            action = dialog.action.value()
            status(self.tr("已登记违纪，待确认") if action == FindingAction.INCIDENT else self.tr("已添加检查发现"))
            self.inspections.refresh()

    def view(self) -> None:
        row = self._inspection()
        if row is not None:
            InspectionViewDialog(self.ctx.actor, row["uuid"], self).exec()

    def log_opinion(self) -> None:
        if OpinionDialog(self.ctx.actor, self).exec():
            status(self.tr("已登记"))
            self.opinions.refresh()

    def follow_up(self) -> None:
        row = self.opinions.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条舆情记录"))
            return
        if row["status"] == OpinionStatus.CLOSED.value:
            inform(self, self.tr("该条已办结"))
            return
        if OpinionFollowUpDialog(self.ctx.actor, row["uuid"], self).exec():
            status(self.tr("已保存跟进情况"))
            self.opinions.refresh()


def _first_inspection(win: QWidget) -> dict[str, Any]:
    rows = supervision.list_inspections(win.ctx.actor, ListQuery(page_size=1)).rows
    if not rows:
        raise LookupError("no inspection")
    return supervision.get_inspection(win.ctx.actor, rows[0]["uuid"])


def _inspection_dialog(win: QWidget) -> InspectionDialog:
    dialog = InspectionDialog(win.ctx.actor, InspectionKind.MYSTERY.value, win)
    dialog.inspector.setText("第三方暗访员 A")  # demo data: Chinese in both languages
    dialog.at.set_value(clock.now().replace(second=0, microsecond=0) - timedelta(hours=2))
    dialog.summary.setPlainText("进门 20 秒无人问好；咨询停车收费答复准确。")
    dialog.recording.setText(r"\\nas\录音\暗访\前台-0930.mp3")
    return dialog


def _finding_dialog(win: QWidget) -> FindingDialog:
    dialog = FindingDialog(win.ctx.actor, _first_inspection(win), win)
    dialog.text.setText("顾客进门 20 秒无人问好")
    dialog.action.set_value(FindingAction.INCIDENT.value)
    dialog.rule.set_value("R07")
    return dialog


def _follow_up_dialog(win: QWidget) -> OpinionFollowUpDialog:
    rows = supervision.list_opinions(win.ctx.actor, ListQuery(filters={"status": "open"}, page_size=1)).rows
    if not rows:
        raise LookupError("no open opinion")
    return OpinionFollowUpDialog(win.ctx.actor, rows[0]["uuid"], win)


screenshots.DIALOGS.update({
    "inspection-new": _inspection_dialog, "inspection-finding": _finding_dialog,
    "inspection-view": lambda win: InspectionViewDialog(win.ctx.actor, _first_inspection(win)["uuid"], win),
    "opinion-new": lambda win: OpinionDialog(win.ctx.actor, win), "opinion-follow-up": _follow_up_dialog,
})
