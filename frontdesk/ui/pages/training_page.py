"""Training page (培训记录): managers record sessions and look up each person's training; staff see their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk.domain.roles import Permission
from frontdesk.domain.training import TrainingKind
from frontdesk.domain.training import label as training_label
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import training
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.training_edit import TrainingDialog, TrainingHistoryDialog, history_columns
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.list_export_action import export_button, export_named
from frontdesk.ui.messages import confirm, inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.assessment_tabs import table_for
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


class SessionsTab(QWidget):
    """培训场次: every session with its attendance counts; add, correct, delete, export."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        columns = spec_columns(training.SESSIONS, {
            "held_on": 95, "kind": 130, "title": 240, "trainer": 90, "hours": 55, "present": 50, "absent": 50,
            "leave": 50, "pass_score": 60})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索主题、讲师或内容"))
        self.kind_filter = ChoiceCombo([(None, self.tr("全部类别"))]
                                       + [(k.value, enum_text(k.value, training_label)) for k in TrainingKind])
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.currentIndexChanged.connect(lambda: self.panel.set_filter("kind", self.kind_filter.value()))
        self.panel.filter_bar.addWidget(self.kind_filter)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("addTraining", self.tr("新增培训"), self.add), ("editTraining", self.tr("修改"), self.edit),
                                ("deleteTraining", self.tr("删除"), self.delete)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.panel.actions_bar.addWidget(button)
            self.buttons[key] = button
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(lambda: export_named(self, self.panel, "training"))
        self.panel.actions_bar.addWidget(self.export_btn)
        self.panel.activated.connect(lambda _row: self.edit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def _fetch(self, query: ListQuery) -> DataPage:
        return training.list_sessions(self.ctx.actor, query)

    def refresh(self) -> None:
        self.panel.refresh()

    def _selected(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一次培训"))
        return row

    def add(self) -> None:
        if TrainingDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已新增培训记录"))
            self.refresh()

    def edit(self) -> None:
        row = self._selected()
        if row is not None and TrainingDialog(self.ctx.actor, row["uuid"], parent=self).exec():
            status(self.tr("已保存"))
            self.refresh()

    def delete(self) -> None:
        row = self._selected()
        if row is None or not confirm(self, self.tr("删除培训记录“{0}”及其出勤和成绩吗？").format(row["title"])):
            return
        if succeeded(self, lambda: training.delete_session(self.ctx.actor, row["uuid"])):
            status(self.tr("已删除"))
            self.refresh()


class HistoryTab(QWidget):
    """个人培训档案 (a manager picks a person) or 我的培训 (``fixed``: the signed-in person)."""

    def __init__(self, ctx: AppContext, fixed: bool = False) -> None:
        super().__init__()
        self.ctx, self.fixed = ctx, fixed
        self.person = ChoiceCombo()
        self.person.setObjectName("person")
        self.person.currentIndexChanged.connect(self._load)
        self.summary = QLabel()
        self.summary.setObjectName("trainingSummary")
        bar = QHBoxLayout()
        if not fixed:
            bar.addWidget(QLabel(self.tr("员工")))
            bar.addWidget(self.person)
        bar.addWidget(self.summary)
        bar.addStretch(1)
        self.view, self.model = table_for(history_columns(), self)
        self.view.setObjectName("trainingHistory")
        self.model.row_color = lambda row: "#ffebee" if row.get("passed") is False or row.get("status") == "absent" \
            else None
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        if self.fixed:
            self.person.set_choices([(self.ctx.actor.uuid, self.ctx.actor.name)])
        else:
            keep = self.person.value()
            self.person.blockSignals(True)
            self.person.set_choices(staff_service.staff_choices(self.ctx.actor))
            if keep:
                self.person.set_value(keep)
            self.person.blockSignals(False)
        self._load()

    def _load(self) -> None:
        uuid = self.person.value()
        rows = training.history(self.ctx.actor, uuid) if uuid else []
        self.model.set_rows(rows)
        present = [r for r in rows if r["status"] == "present"]
        hours = sum((r["hours"] for r in present), Decimal(0))
        self.summary.setText(self.tr("共 {0} 次培训，出勤 {1} 次，累计 {2} 学时").format(
            len(rows), len(present), f"{hours.normalize():f}"))


class TrainingPage(Page):
    """Managers (MANAGE_PERSONNEL): sessions and each person's record; everyone: their own training."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.tabs = QTabWidget()
        self.sessions: SessionsTab | None = None
        if ctx.actor.can(Permission.MANAGE_PERSONNEL):
            self.sessions = SessionsTab(ctx)
            self.tabs.addTab(self.sessions, self.tr("培训场次"))
            self.tabs.addTab(HistoryTab(ctx), self.tr("个人培训档案"))
        self.tabs.addTab(HistoryTab(ctx, fixed=True), self.tr("我的培训"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        tab: Any = self.tabs.currentWidget()
        succeeded(self, tab.refresh)


def _edit_dialog(win: QWidget) -> TrainingDialog:
    rows = training.list_sessions(win.ctx.actor, ListQuery(page_size=1)).rows
    return TrainingDialog(win.ctx.actor, rows[0]["uuid"] if rows else None, win)


def _history_dialog(win: QWidget) -> TrainingHistoryDialog:
    rows = training.list_sessions(win.ctx.actor, ListQuery(page_size=1)).rows
    people = training.get_session(win.ctx.actor, rows[0]["uuid"])["attendees"] if rows else []
    if not people:
        raise LookupError("no training recorded")
    return TrainingHistoryDialog(win.ctx.actor, people[0]["staff_uuid"], people[0]["staff_name"], win)


screenshots.DIALOGS.update({
    "training-new": lambda win: TrainingDialog(win.ctx.actor, parent=win),
    "training-edit": _edit_dialog,
    "training-history": _history_dialog,
})
