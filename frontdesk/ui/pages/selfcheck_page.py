"""礼仪自查: staff fill their own etiquette self-check for the day or week; managers review and set the frequency."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk import clock
from frontdesk.domain import selfcheck as rules
from frontdesk.domain.roles import Permission
from frontdesk.domain.selfcheck import label as selfcheck_label
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import selfchecks
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.selfcheck_form import ReviewDialog, SelfCheckDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


class SelfCheckPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.manager = ctx.actor.can(Permission.MANAGE_PERSONNEL)
        columns = spec_columns(selfchecks.SELFCHECKS, {
            "slot": 90, "staff_name": 80, "frequency": 50, "no_count": 60, "submitted_at": 130,
            "reviewed_by_name": 70, "reviewed_at": 130, "review_note": 160})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索员工姓名或工号"))
        self.site_filter = add_site_filter(self.panel, ctx.actor)  # head office: one site or all
        self.panel.model.row_color = lambda row: "#ffebee" if row.get("no_count") else None
        self.today = QLabel()
        self.today.setObjectName("today")
        self.panel.filter_bar.addWidget(self.today)
        self.fill = QPushButton(self.tr("填写本期自查"))
        self.fill.setObjectName("fill")
        self.fill.clicked.connect(self.fill_own)
        self.panel.actions_bar.addWidget(self.fill)
        self.export_btn = add_list_export(self, self.panel, "selfchecks", beside_pager=True)
        self.frequency: ChoiceCombo | None = None
        if self.manager:
            self.unreviewed = QCheckBox(self.tr("只看未审阅"))
            self.unreviewed.setObjectName("unreviewed")
            self.unreviewed.toggled.connect(lambda on: self.panel.set_filter("unreviewed", on or None))
            self.panel.filter_bar.addWidget(self.unreviewed)
            review = QPushButton(self.tr("审阅"))
            review.setObjectName("review")
            review.clicked.connect(self.review)
            self.panel.actions_bar.addWidget(review)
            self.panel.activated.connect(lambda _row: self.review())
        if ctx.actor.can(Permission.MANAGE_REFERENCE):
            self.frequency = ChoiceCombo([(f.value, enum_text(f.value, selfcheck_label)) for f in rules.Frequency])
            self.frequency.setObjectName("frequency")
            self.frequency.setToolTip(self.tr("自查频次（全站）"))
            self.frequency.currentIndexChanged.connect(self._set_frequency)
            self.panel.actions_bar.addWidget(QLabel(self.tr("频次")))
            self.panel.actions_bar.addWidget(self.frequency)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def export_excel(self) -> int | None:
        """导出Excel: the self-checks as currently filtered (staff: their own), off the UI thread."""
        return export_named(self, self.panel, "selfchecks")

    def _fetch(self, query: ListQuery) -> DataPage:
        return selfchecks.list_checks(self.ctx.actor, query)

    def refresh(self) -> None:
        if self.frequency is not None:
            self.frequency.blockSignals(True)
            self.frequency.set_value(selfchecks.frequency())
            self.frequency.blockSignals(False)
        mine = selfchecks.my_check(self.ctx.actor)
        self.today.setText(self.tr("本期自查：已填写") if mine else self.tr("本期自查：未填写"))
        self.today.setStyleSheet("" if mine else "color:#c62828")
        self.panel.refresh()

    def _set_frequency(self) -> None:
        if not succeeded(self, lambda: selfchecks.set_frequency(self.ctx.actor, self.frequency.value())):
            return
        status(self.tr("自查频次已改为{0}").format(self.frequency.currentText()))
        self.refresh()

    def fill_own(self) -> None:
        if SelfCheckDialog(self.ctx.actor, self).exec():
            status(self.tr("自查表已提交"))
            self.refresh()

    def _row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一份自查表"))
        return row

    def review(self) -> None:
        row = self._row()
        if row and ReviewDialog(self.ctx.actor, row["uuid"], row["staff_name"], self).exec():
            status(self.tr("已审阅"))
            self.refresh()


def _review_dialog(win: QWidget) -> ReviewDialog:
    rows = selfchecks.list_checks(win.ctx.actor, ListQuery(page_size=20)).rows
    row = next((r for r in rows if r["no_count"]), rows[0])
    return ReviewDialog(win.ctx.actor, row["uuid"], row["staff_name"], win)


screenshots.DIALOGS.update({
    "selfcheck": lambda win: SelfCheckDialog(win.ctx.actor, win, clock.today()),
    "selfcheck-review": _review_dialog,
})
