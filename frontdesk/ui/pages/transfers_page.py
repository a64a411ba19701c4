"""Transfers page (转办督办): every transfer with its due time; overdue ones red, with chase counts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from frontdesk.domain.reception import ReplyOutcome, TransferStatus
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.reception import transfers
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.transfer_edit import ReplyDialog
from frontdesk.ui.list_export_action import export_button, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import attempt
from frontdesk.ui.pages.base import Page
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.enum_combo import enum_combo

OVERDUE_COLOR = "#ffcdd2"


class TransfersPage(Page):
    """Managers watch what departments owe; clerks record the replies."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        from frontdesk.ui.widgets.list_panel import ListPanel

        columns = spec_columns(transfers.TRANSFERS, {
            "contact_number": 170, "transferred_at": 130, "department_name": 100, "due_at": 130, "status": 60,
            "chase_count": 70, "customer_name": 80, "request": 240, "reply": 200, "owner_name": 80})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索（按编号）"))
        self.panel.search.hide()
        self.site_filter = add_site_filter(self.panel, ctx.actor)  # head office: one site or all
        self.panel.model.row_color = lambda row: OVERDUE_COLOR if row["overdue"] else None
        self.overdue = QCheckBox(self.tr("只看超期未答复"))
        self.overdue.setObjectName("overdueOnly")
        self.overdue.toggled.connect(lambda on: self.panel.set_filter("overdue", on or None))
        self.status_filter = enum_combo(TransferStatus, self.tr("全部状态"))
        self.status_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("status", self.status_filter.value()))
        self.due_today = QCheckBox(self.tr("今日到期"))
        self.due_today.setObjectName("dueToday")
        self.due_today.setToolTip(self.tr("今天到期、尚未答复的转办"))
        self.due_today.toggled.connect(lambda on: self.panel.set_filter("due_today", on or None))
        self.panel.filter_bar.addWidget(self.overdue)
        self.panel.filter_bar.addWidget(self.due_today)
        self.panel.filter_bar.addWidget(self.status_filter)
        reply = QPushButton(self.tr("登记答复…"))
        reply.setObjectName("reply")
        reply.clicked.connect(self.reply)
        chase = QPushButton(self.tr("催办"))
        chase.setObjectName("chase")
        chase.clicked.connect(self.chase)
        self.panel.actions_bar.addWidget(reply)
        self.panel.actions_bar.addWidget(chase)
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        self.panel.actions_bar.addWidget(self.export_btn)
        self.panel.activated.connect(lambda _row: self.reply())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def export_excel(self) -> int | None:
        """导出Excel: the rows as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "transfers")

    def _fetch(self, query: ListQuery) -> DataPage:
        return transfers.list_transfers(self.ctx.actor, query)

    def refresh(self) -> None:
        self.panel.refresh()

    def _current(self) -> dict | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条转办记录"))
        return row

    def reply(self) -> None:
        row = self._current()
        if row is not None and ReplyDialog(self.ctx.actor, row, self).exec():
            self.panel.refresh()

    def chase(self) -> None:
        row = self._current()
        if row is None:
            return
        count = attempt(self, lambda: transfers.chase(self.ctx.actor, row["uuid"]))
        if count is None:
            return
        status(self.tr("已催办（第 {0} 次）").format(count))
        self.panel.refresh()


def _reply(win: QWidget) -> ReplyDialog:
    """The reply dialog on the first transfer, set to keep the contact open with a follow-up (screenshots)."""
    rows = transfers.list_transfers(win.ctx.actor, ListQuery(page_size=1)).rows
    dialog = ReplyDialog(win.ctx.actor, rows[0] if rows else {"uuid": "", "contact_number": ""}, win)
    dialog.reply.setText("已派人更换水龙头")
    dialog.outcome.set_value(ReplyOutcome.FOLLOW_UP.value)
    dialog.follow_up.setText("三天后电话回访是否仍漏水")
    return dialog


screenshots.DIALOGS["transfer-reply"] = _reply
