"""留言转告: the message book — leave a message for an absent colleague or the next shift, mark messages read."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.personnel import messages
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.message_edit import MessageDialog, PendingMessagesDialog
from frontdesk.ui.list_export_action import add_list_export, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


class MessagesPage(Page):
    """Every desk user leaves and reads messages; managers see the whole book."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(messages.MESSAGES, {
            "left_at": 125, "author_name": 70, "recipient_name": 90, "caller": 110, "caller_phone": 105,
            "body": 330, "acknowledged_at": 125, "acknowledged_by_name": 70},
            fmt={"recipient_name": lambda v: v or self.tr("下一班"),
                 "acknowledged_at": lambda v: v.strftime("%Y-%m-%d %H:%M") if v else self.tr("未阅")})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索留言内容、留言人或同事姓名"))
        self.panel.model.row_color = lambda row: (
            None if row.get("acknowledged_at") else "#ffebee" if row.get("urgent") else "#fff8e1")
        self.filter = ChoiceCombo([(None, self.tr("全部留言")), ("pending", self.tr("未阅留言")),
                                   ("mine", self.tr("给我的未阅留言"))])
        self.filter.setObjectName("messageFilter")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.panel.filter_bar.addWidget(self.filter)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("leaveMessage", self.tr("留言"), self.leave),
                                ("acknowledgeMessage", self.tr("确认已阅"), self.acknowledge)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.panel.actions_bar.addWidget(button)
            self.buttons[key] = button
        self.export_btn = add_list_export(self, self.panel, "messages")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def _filter_changed(self) -> None:
        value = self.filter.value()
        self.panel.filters.pop("mine", None)
        if value == "mine":
            self.panel.filters["mine"] = True
        self.panel.set_filter("pending", True if value else None)

    def export_excel(self) -> int | None:
        """导出Excel: the messages as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "messages")

    def _fetch(self, query: ListQuery) -> DataPage:
        return messages.list_messages(self.ctx.actor, query)

    def refresh(self) -> None:
        self.panel.refresh()

    def leave(self) -> None:
        if MessageDialog(self.ctx.actor, self).exec():
            status(self.tr("已留言，对方登录时会看到"))
            self.refresh()

    def _row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条留言"))
        return row

    def acknowledge(self) -> None:
        row = self._row()
        if row is None:
            return
        if succeeded(self, lambda: messages.acknowledge(self.ctx.actor, row["uuid"])):
            status(self.tr("已确认阅读"))
            self.refresh()


def _sample(win: QWidget) -> MessageDialog:
    dialog = MessageDialog(win.ctx.actor, win)
    dialog.caller.setText("张先生（金卡会员）")  # demo data: Chinese in both languages
    dialog.caller_phone.setText("13805710022")
    dialog.body.setPlainText("找王教练改约周六上午的私教课，请回电确认。")
    return dialog


def _pending(win: QWidget) -> PendingMessagesDialog:
    return PendingMessagesDialog(win.ctx.actor, win)  # the demo leaves next-shift messages: the admin has some


screenshots.DIALOGS.update({"message-new": _sample, "messages-pending": _pending})
