"""交接班: handover records, hand over a shift, acknowledge one, shifts that ended without a handover, and the
messages left for the user (留言转告) until they are read."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import handover
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.handover_edit import HandoverAckDialog, HandoverDialog, HandoverViewDialog
from frontdesk.ui.dialogs.message_edit import MessageDialog, PendingMessagesPanel
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

MISSING_STYLE = "color: #c62828; font-weight: bold; padding: 4px;"


class HandoverPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(handover.HANDOVERS, {
            "day": 90, "shift_name": 60, "outgoing_name": 80, "incoming_name": 80, "handed_at": 130,
            "acknowledged_at": 130, "notes": 240},
            fmt={"acknowledged_at": lambda v: v.strftime("%Y-%m-%d %H:%M") if v else self.tr("未确认")})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索"))
        self.panel.search.hide()
        self.panel.model.row_color = lambda row: None if row.get("acknowledged_at") else "#fff8e1"
        self.filter = ChoiceCombo([(None, self.tr("全部记录")), (True, self.tr("待接班确认"))])
        self.filter.setObjectName("ackFilter")
        self.filter.currentIndexChanged.connect(lambda: self.panel.set_filter("unacknowledged", self.filter.value()))
        self.panel.filter_bar.addWidget(self.filter)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("hand_over", self.tr("交班"), self.hand_over),
                                ("acknowledge", self.tr("接班确认"), self.acknowledge), ("view", self.tr("查看"), self.view),
                                ("leave_message", self.tr("留言"), self.leave_message)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].setObjectName(key)
            self.buttons[key].clicked.connect(slot)
            self.panel.actions_bar.addWidget(self.buttons[key])
        self.export_btn = add_list_export(self, self.panel, "handovers")
        self.panel.activated.connect(lambda _row: self.view())
        self.missing = QLabel()
        self.missing.setObjectName("missingHandovers")
        self.missing.setStyleSheet(MISSING_STYLE)
        self.missing.setWordWrap(True)
        self.messages = PendingMessagesPanel(ctx.actor)  # shown until every message for this user is read
        self.messages.setObjectName("handoverMessages")
        self.messages.setMaximumHeight(170)
        self.messages.changed.connect(lambda left: self.messages.setVisible(bool(left)))
        self.messages.setVisible(bool(self.messages.rows))
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addWidget(self.messages)
        layout.addWidget(self.panel, 1)

    def export_excel(self) -> int | None:
        """导出Excel: the handovers as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "handovers")

    def _fetch(self, query: ListQuery) -> DataPage:
        return handover.list_handovers(self.ctx.actor, query)

    def refresh(self) -> None:
        missing = handover.missing_handovers(self.ctx.actor)
        self.missing.setVisible(bool(missing))
        self.missing.setText(self.tr("以下班次结束后没有交接班记录：{0}").format(
            "、".join(f"{m['day']:%m-%d} {m['shift_name']}" for m in missing[:12])
            + ("…" if len(missing) > 12 else "")))
        self.messages.refresh()
        self.panel.refresh()

    def _row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条交接班记录"))
        return row

    def hand_over(self) -> None:
        if HandoverDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已交班，等待接班人确认"))
            self.refresh()

    def acknowledge(self) -> None:
        row = self._row()
        if row is None:
            return
        if row["acknowledged_at"]:
            inform(self, self.tr("该交接班已确认"))
            return
        if HandoverAckDialog(self.ctx.actor, row, self).exec():
            status(self.tr("已确认接班"))
            self.refresh()

    def leave_message(self) -> None:
        if MessageDialog(self.ctx.actor, self).exec():
            status(self.tr("已留言，对方登录时会看到"))
            self.messages.refresh()

    def view(self) -> None:
        row = self._row()
        if row:
            HandoverViewDialog(self.ctx.actor, row["uuid"], self).exec()


def _view(win: QWidget) -> HandoverViewDialog:
    rows = handover.list_handovers(win.ctx.actor, ListQuery(page_size=1)).rows
    return HandoverViewDialog(win.ctx.actor, rows[0]["uuid"], win)


def _new(win: QWidget) -> HandoverDialog:
    dialog = HandoverDialog(win.ctx.actor, parent=win)
    dialog.add_event("顾客在停车场突发疾病", "", "14:20", "已拨打120送医，家属已到场")
    dialog.notes.setPlainText("打印机缺纸，已报行政；2 号窗口电脑开机慢")
    return dialog


screenshots.DIALOGS.update({"handover": _new, "handover-view": _view,
                            "handover-ack": lambda win: HandoverAckDialog(win.ctx.actor, dict(
                                handover.list_handovers(win.ctx.actor, ListQuery(page_size=1)).rows[0],
                                outgoing_name="—"), win)})
