"""Expressway desk page (求助与公告): help calls from the road and the notices sent out, each a list with export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk.domain.roles import Permission
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.expressway import help_calls, notices
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.help_call_edit import HelpCallDialog
from frontdesk.ui.dialogs.notice_edit import NoticeDialog
from frontdesk.ui.list_export_action import add_beside_pager, export_button, export_named
from frontdesk.ui.messages import confirm, inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

OPEN_COLOR = "#fff3e0"  # a help call still being handled


def _filter(panel: ListPanel, key: str, everything: str, choices: list[tuple[str, str]], name: str) -> ChoiceCombo:
    combo = ChoiceCombo([(None, everything)] + [(v, QCoreApplication.translate("enum", t)) for v, t in choices])
    combo.setObjectName(name)
    combo.currentIndexChanged.connect(lambda: panel.set_filter(key, combo.value()))
    panel.filter_bar.addWidget(combo)
    return combo


class ExpresswayPage(Page):
    """Two tabs: 求助记录 and 公告宣传. Any desk user records; managers (MANAGE_REFERENCE) also delete."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.can_delete = ctx.actor.can(Permission.MANAGE_REFERENCE)
        self.calls = ListPanel(spec_columns(help_calls.HELP_CALLS, {
            "number": 150, "received_at": 120, "kind": 80, "plate": 90, "vehicle_type": 80, "direction": 60,
            "stake": 80, "dispatched": 130, "dispatched_at": 120, "outcome": 120, "description": 240}),
            lambda q: help_calls.list_help_calls(self.ctx.actor, q), ctx.settings.page_size,
            self.tr("搜索车牌、编号、情况或桩号（附近 2 公里）"))
        self.calls.model.row_color = lambda row: OPEN_COLOR if row["outcome"] == "open" else None
        self.kind_filter = _filter(self.calls, "kind", self.tr("全部类型"), help_calls.kinds(), "helpKindFilter")
        self.outcome_filter = _filter(self.calls, "outcome", self.tr("全部结果"), help_calls.outcomes(),
                                      "helpOutcomeFilter")
        self._buttons(self.calls, self.add_call, self.edit_call, self.delete_call, self.tr("求助登记"), "Call")
        self.calls.activated.connect(lambda _row: self.edit_call())
        calls_export = export_button(self)
        calls_export.setObjectName("exportHelpCalls")
        calls_export.clicked.connect(lambda: export_named(self, self.calls, "help_calls"))
        add_beside_pager(self.calls, calls_export)

        self.notices = ListPanel(spec_columns(notices.NOTICES, {
            "published_at": 120, "kind": 110, "title": 240, "channel": 110, "reach": 80, "valid_to": 120,
            "recorded_by": 80, "content": 300}),
            lambda q: notices.list_notices(self.ctx.actor, q), ctx.settings.page_size, self.tr("搜索标题或内容"))
        _filter(self.notices, "kind", self.tr("全部类型"), notices.kinds(), "noticeKindFilter")
        _filter(self.notices, "channel", self.tr("全部渠道"), notices.channels(), "noticeChannelFilter")
        self._buttons(self.notices, self.add_notice, self.edit_notice, self.delete_notice, self.tr("公告登记"), "Notice")
        self.notices.activated.connect(lambda _row: self.edit_notice())
        self.reach_label = QLabel()
        self.reach_label.setObjectName("reachTotal")
        add_beside_pager(self.notices, self.reach_label)
        notices_export = export_button(self)
        notices_export.setObjectName("exportNotices")
        notices_export.clicked.connect(lambda: export_named(self, self.notices, "notices"))
        add_beside_pager(self.notices, notices_export)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("expresswayTabs")
        self.tabs.addTab(self.calls, self.tr("求助记录"))
        self.tabs.addTab(self.notices, self.tr("公告宣传"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _buttons(self, panel: ListPanel, add: Callable[[], None], edit: Callable[[], None],
                 delete: Callable[[], None], add_text: str, suffix: str) -> None:
        actions = [(f"add{suffix}", add_text, add), (f"edit{suffix}", self.tr("处置/编辑"), edit)]
        if self.can_delete:
            actions.append((f"delete{suffix}", self.tr("删除"), delete))
        for key, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            panel.actions_bar.addWidget(button)

    def refresh(self) -> None:
        self.calls.refresh()
        self.notices.refresh()
        total = notices.reach_total(self.ctx.actor, self.notices.query())
        self.reach_label.setText(self.tr("覆盖合计 {0} 人次").format(f"{total:,}"))

    def _selected(self, panel: ListPanel) -> dict[str, Any] | None:
        row = panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条记录"))
        return row

    def add_call(self) -> None:
        if HelpCallDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已登记求助"))
            self.refresh()

    def edit_call(self) -> None:
        row = self._selected(self.calls)
        if row is not None and HelpCallDialog(self.ctx.actor, row["uuid"], parent=self).exec():
            status(self.tr("已保存"))
            self.refresh()

    def delete_call(self) -> None:
        row = self._selected(self.calls)
        if row is None or not confirm(self, self.tr("删除求助记录 {0} 吗？").format(row["number"])):
            return
        if succeeded(self, lambda: help_calls.delete_help_call(self.ctx.actor, row["uuid"])):
            self.refresh()

    def add_notice(self) -> None:
        if NoticeDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已登记公告"))
            self.refresh()

    def edit_notice(self) -> None:
        row = self._selected(self.notices)
        if row is not None and NoticeDialog(self.ctx.actor, row["uuid"], parent=self).exec():
            status(self.tr("已保存"))
            self.refresh()

    def delete_notice(self) -> None:
        row = self._selected(self.notices)
        if row is None or not confirm(self, self.tr("删除公告“{0}”吗？").format(row["title"])):
            return
        if succeeded(self, lambda: notices.delete_notice(self.ctx.actor, row["uuid"])):
            self.refresh()


def _first(win: QWidget, lister: Callable[..., Any]) -> str:
    rows = lister(win.ctx.actor, ListQuery(page_size=1)).rows
    if not rows:
        raise LookupError("no record")
    return rows[0]["uuid"]


screenshots.DIALOGS.update({
    "help-call-new": lambda win: HelpCallDialog(win.ctx.actor, parent=win),
    "help-call": lambda win: HelpCallDialog(win.ctx.actor, _first(win, help_calls.list_help_calls), parent=win),
    "notice": lambda win: NoticeDialog(win.ctx.actor, _first(win, notices.list_notices), parent=win),
})
