"""罚款标准: the fine schedule as in force today; managers add versions from an effective date."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.fines import label as fine_label
from frontdesk.services.discipline import fine_rules
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.incident_edit import AuditDialog, FineRuleDialog
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.messages import inform, status
from frontdesk.ui.pages.base import Page


class FineRulesPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("rules")
        self.table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("类别"), self.tr("违纪行为"), self.tr("罚款（元）"),
                                              self.tr("辞退"), self.tr("迟到分档（分钟:元）"), self.tr("生效日期"),
                                              self.tr("修改人")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for j, w in enumerate((50, 70, 380, 90, 110, 140, 90)):
            self.table.setColumnWidth(j, w)
        fit_headers(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit)
        bar = QHBoxLayout()
        note = QLabel(self.tr("修改标准会生成新版本并从生效日期起适用；此前登记的违纪保持原金额。"))
        bar.addWidget(note, 1)
        for text, slot in ((self.tr("修改"), self.edit), (self.tr("新增条款"), self.add), (self.tr("历史版本"), self.history)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.rows = fine_rules.current_rules(self.ctx.actor)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, v in enumerate((r["code"], r["category"], r["offence"], r["range_text"], enum_text(r["dismissal"], fine_label),
                                   r["tiers"], str(r["effective_from"]), r["changed_by"])):
                self.table.setItem(i, j, QTableWidgetItem(v))

    def _row(self) -> dict[str, Any] | None:
        if self.table.currentRow() < 0:
            inform(self, self.tr("请先选择一条罚款标准"))
            return None
        return self.rows[self.table.currentRow()]

    def edit(self) -> None:
        row = self._row()
        if row and FineRuleDialog(self.ctx.actor, row, self).exec():
            status(self.tr("已保存新版本"))
            self.refresh()

    def add(self) -> None:
        if FineRuleDialog(self.ctx.actor, None, self).exec():
            self.refresh()

    def history(self) -> None:
        row = self._row()
        if row:
            AuditDialog(self.ctx.actor, row["code"], row["code"], self).exec()


def _edit(win: QWidget) -> FineRuleDialog:
    rows = {r["code"]: r for r in fine_rules.current_rules(win.ctx.actor)}
    return FineRuleDialog(win.ctx.actor, rows.get("L01"), win)


screenshots.DIALOGS["fine-rule"] = _edit
