"""考核管理: managers run a period's assessments for the team with the evidence in view; staff confirm their own."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk.domain.assessment import Status
from frontdesk.domain.assessment import label as assessment_label
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.roles import Permission
from frontdesk.services.assessments import runs as assessments
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.assessment_form import AcknowledgeDialog, ScoreDialog
from frontdesk.ui.dialogs.assessment_setup import RunDialog, TemplateDialog
from frontdesk.ui.i18n import enum_format
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import Column
from frontdesk.ui.ops import attempt, succeeded
from frontdesk.ui.pages.assessment_tabs import (
    HistoryTab,
    RankingTab,
    TemplatesTab,
    empty_note,
    selected,
    table_for,
)
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo

STATUS_COLORS = {Status.DRAFT: "#fff8e1", Status.ACKNOWLEDGED: "#f1f8e9"}


def percent(value: object) -> str:
    return "" if value is None else f"{value}%"


class RunTab(QWidget):
    """考核评分: one screen per run, the team with its evidence; Enter opens a form, 保存并评下一位 moves on."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.run = ChoiceCombo()
        self.run.setObjectName("run")
        self.run.setMinimumWidth(280)
        self.run.currentIndexChanged.connect(self._load)
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("考核批次")))
        bar.addWidget(self.run)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("newRun", self.tr("新建考核"), self.new_run),
                                ("score", self.tr("评分"), self.score),
                                ("scoreAll", self.tr("逐个评分未评人员"), self.score_all)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].setObjectName(key)
            self.buttons[key].clicked.connect(slot)
            bar.addWidget(self.buttons[key])
        columns = [
            Column("staff_no", self.tr("工号"), 55, sortable=False),
            Column("staff_name", self.tr("姓名"), 70, sortable=False),
            Column("incidents", self.tr("违纪"), 45, sortable=False, align_right=True),
            Column("fines", self.tr("罚款(元)"), 70, sortable=False, align_right=True),
            Column("attendance", self.tr("考勤异常"), 65, sortable=False, align_right=True),
            Column("complaints", self.tr("归责投诉"), 65, sortable=False, align_right=True),
            Column("satisfaction_rate", self.tr("满意率"), 65, fmt=percent, sortable=False, align_right=True),
            Column("checks", self.tr("自查完成"), 70, sortable=False, align_right=True),
            Column("check_no", self.tr("自查否项"), 65, sortable=False, align_right=True),
            Column("total", self.tr("总分"), 60, sortable=False, align_right=True),
            Column("grade", self.tr("等级"), 55, fmt=enum_format(assessment_label), sortable=False),
            Column("follow_up", self.tr("结果应用"), 75, fmt=enum_format(assessment_label), sortable=False),
            Column("status", self.tr("状态"), 60, fmt=enum_format(assessment_label), sortable=False),
        ]
        self.view, self.model = table_for(columns, self)
        self.view.setObjectName("team")
        self.model.row_color = lambda row: STATUS_COLORS.get(row.get("status"))
        self.view.activated.connect(lambda _i: self.score())
        self.view.doubleClicked.connect(lambda _i: self.score())
        hint = QLabel(self.tr("↑↓ 选择人员，回车打开评分表；评分表中按数字键打分，Ctrl+回车 保存并评下一位。"))
        hint.setStyleSheet("color:#666")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def refresh(self) -> None:
        keep = self.run.value()
        self.run.blockSignals(True)
        self.run.set_choices([(r["uuid"], r["name"]) for r in assessments.list_runs(self.ctx.actor)])
        if keep:
            self.run.set_value(keep)
        self.run.blockSignals(False)
        self._load()

    def _load(self) -> None:
        uuid = self.run.value()
        current = self.view.currentIndex().row()
        rows = assessments.team(self.ctx.actor, uuid) if uuid else []
        self.model.set_rows(rows)
        done = sum(1 for r in rows if r["status"] != Status.DRAFT.value)
        self.progress.setText(self.tr("已评 {0}/{1}").format(done, len(rows)) if rows else "")
        if rows:
            self.view.selectRow(max(0, min(current, len(rows) - 1)))
        self.view.setFocus()

    def new_run(self) -> None:
        dialog = RunDialog(self.ctx.actor, self)
        if dialog.exec():
            status(self.tr("已建立考核批次，表现记录已按考核期间汇总"))
            self.refresh()
            self.run.set_value(dialog.run_uuid)

    def score(self) -> None:
        row = selected(self.view, self.model)
        if row is None:
            inform(self, self.tr("请先选择一名员工"))
            return
        self._score_from(self.model.rows.index(row), only_unscored=False)

    def score_all(self) -> None:
        pending = [i for i, r in enumerate(self.model.rows) if r["status"] == Status.DRAFT.value]
        if not pending:
            inform(self, self.tr("本批次人员均已评分"))
            return
        self._score_from(pending[0], only_unscored=True)

    def _score_from(self, index: int, only_unscored: bool) -> None:
        rows = self.model.rows
        while index is not None:
            row = rows[index]
            if row["status"] == Status.ACKNOWLEDGED.value:
                inform(self, self.tr("{0} 已确认本次考核，不能再修改").format(row["staff_name"]))
                return
            later = [i for i in range(index + 1, len(rows))
                     if rows[i]["status"] == Status.DRAFT.value or not only_unscored and
                     rows[i]["status"] != Status.ACKNOWLEDGED.value]
            dialog = attempt(self, lambda row=row, later=later: ScoreDialog(self.ctx.actor, row["uuid"], self,
                                                                             has_next=bool(later)))
            if dialog is None:
                return
            accepted = dialog.exec()
            if accepted:
                status(self.tr("已保存 {0} 的考核").format(row["staff_name"]))
            index = later[0] if accepted and dialog.advance and later else None
            self.view.selectRow(index if index is not None else rows.index(row))
        self._load()


class MyAssessmentsTab(QWidget):
    """我的考核: the staff member's scored assessments; 确认 opens the result with the evidence."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        columns = [Column("run_name", self.tr("考核"), 220, sortable=False),
                   Column("total", self.tr("总分"), 60, sortable=False, align_right=True),
                   Column("grade", self.tr("等级"), 60, fmt=enum_format(assessment_label), sortable=False),
                   Column("follow_up", self.tr("结果应用"), 80, fmt=enum_format(assessment_label), sortable=False),
                   Column("assessor_name", self.tr("考核人"), 70, sortable=False),
                   Column("status", self.tr("状态"), 60, fmt=enum_format(assessment_label), sortable=False),
                   Column("staff_comment", self.tr("本人意见"), 200, sortable=False)]
        self.view, self.model = table_for(columns, self)
        self.view.setObjectName("mine")
        self.model.row_color = lambda row: "#fff8e1" if row.get("status") == Status.SCORED.value else None
        self.view.activated.connect(lambda _i: self.acknowledge())
        self.ack = QPushButton(self.tr("查看并确认"))
        self.ack.setObjectName("acknowledge")
        self.ack.clicked.connect(self.acknowledge)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.ack)
        self.empty = empty_note(self.view, self.tr("还没有考核记录"))  # over the empty table, not below it
        self.history = HistoryTab(ctx, (ctx.actor.uuid, ctx.actor.name))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.history, 1)

    def refresh(self) -> None:
        rows = assessments.my_assessments(self.ctx.actor)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.history.setVisible(bool(rows))  # its chart (or its own “none scored yet”) only once there are some
        self.history.refresh()

    def acknowledge(self) -> None:
        row = selected(self.view, self.model)
        if row is None:
            inform(self, self.tr("请先选择一次考核"))
            return
        dialog = AcknowledgeDialog(self.ctx.actor, row["uuid"], self)
        if row["status"] != Status.SCORED.value:
            dialog.ok_button.setEnabled(False)
        if dialog.exec():
            status(self.tr("已确认考核结果"))
            self.refresh()


class AssessmentsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.tabs = QTabWidget()
        self.manager = ctx.actor.can(Permission.MANAGE_PERSONNEL)
        self.run_tab: RunTab | None = None
        if self.manager:
            self.run_tab = RunTab(ctx)
            self.tabs.addTab(self.run_tab, self.tr("考核评分"))
            self.tabs.addTab(RankingTab(ctx), self.tr("排名"))
            self.tabs.addTab(HistoryTab(ctx), self.tr("个人趋势"))
        self.tabs.addTab(MyAssessmentsTab(ctx), self.tr("我的考核"))
        if ctx.actor.can(Permission.MANAGE_REFERENCE):
            self.tabs.addTab(TemplatesTab(ctx, self._edit_template), self.tr("考核模板"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _edit_template(self, uuid: str | None) -> bool:
        return bool(TemplateDialog(self.ctx.actor, uuid, self).exec())

    def refresh(self) -> None:
        tab: Any = self.tabs.currentWidget()
        succeeded(self, tab.refresh)


def _score_dialog(win: QWidget) -> ScoreDialog:
    runs = assessments.list_runs(win.ctx.actor)
    rows = assessments.team(win.ctx.actor, runs[0]["uuid"]) if runs else []
    return ScoreDialog(win.ctx.actor, rows[0]["uuid"], win, has_next=True)


def _acknowledge_dialog(win: QWidget) -> AcknowledgeDialog:
    runs = assessments.list_runs(win.ctx.actor)
    rows = [r for run in runs[:2] for r in assessments.team(win.ctx.actor, run["uuid"]) if r["status"] != "draft"]
    return AcknowledgeDialog(win.ctx.actor, rows[0]["uuid"], win)


def _adhoc_run_dialog(win: QWidget) -> RunDialog:
    dialog = RunDialog(win.ctx.actor, win)
    dialog.kind.set_value("adhoc")  # 不定期专项: chosen dates instead of a month or a quarter
    return dialog


screenshots.DIALOGS.update({
    "assessment-run": lambda win: RunDialog(win.ctx.actor, win),
    "assessment-run-adhoc": _adhoc_run_dialog,
    "assessment-score": _score_dialog,
    "assessment-acknowledge": _acknowledge_dialog,
    "assessment-template": lambda win: TemplateDialog(win.ctx.actor, DEFAULT_UUID, win),
})
