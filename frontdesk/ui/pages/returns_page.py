"""Returns and exchanges page (退换货): register with inspection, negotiate, manager approval, complete, voucher."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout

from frontdesk.domain.returns import ReturnKind, ReturnStatus
from frontdesk.domain.returns import label as return_label
from frontdesk.domain.roles import Permission
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.aftersales import papers as aftersales_print
from frontdesk.services.aftersales import returns
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.return_edit import DecideDialog, ReturnDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.messages import confirm
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.aftersales_common import AftersalesPage
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

PENDING_BG = "#fff59d"


class ReturnsPage(AftersalesPage):
    """Every return/exchange request, newest first; yellow rows wait for a manager's approval."""

    kind = "return"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(aftersales_list.RETURNS, {
            "number": 172, "received_at": 122, "customer_name": 80, "phone": 105, "kind": 50, "item": 110,
            "amount_paid": 80, "within_window": 70, "decision": 70, "refund_amount": 80, "status": 90,
            "handled_by_name": 70}, fmt={"within_window": lambda v: self.tr("期限内") if v else self.tr("超期")})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size,
                               self.tr("扫码或输入单号、电话、姓名"))
        self.site_filter = add_site_filter(self.panel, ctx.actor, beside_pager=True)  # head office; the bar is full
        self.panel.model.row_color = lambda row: PENDING_BG if row.get("status") == "pending_approval" else None
        self.status_filter = ChoiceCombo([(None, self.tr("全部状态"))] + [(s.value, enum_text(s.value, return_label)) for s in ReturnStatus])
        self.status_filter.setObjectName("statusFilter")
        self.kind_filter = ChoiceCombo([(None, self.tr("退货和换货"))] + [(k.value, enum_text(k.value, return_label)) for k in ReturnKind])
        self.open_only = QCheckBox(self.tr("未办结"))
        filters = QHBoxLayout()
        for key, combo in (("status", self.status_filter), ("kind", self.kind_filter)):
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self.panel.set_filter(k, c.value()))
            filters.addWidget(combo)
        self.open_only.toggled.connect(lambda on: self.panel.set_filter("open_only", on or None))
        filters.addWidget(self.open_only)
        filters.addStretch(1)

        self.add_button("new", self.tr("退换货登记"), self.new_order)
        self.add_button("decide", self.tr("协商结果"), self.decide)
        self.add_button("approve", self.tr("主管审批"), self.approve)
        self.add_button("complete", self.tr("办结"), self.complete)
        self.add_print_button("print", self.tr("打印凭证"), [
            (self.tr("退换货凭证"), partial(self._paper, aftersales_print.return_voucher))])
        self.add_common_buttons(aftersales_list.export_returns, self.tr("退换货"))
        self.buttons["approve"].setVisible(ctx.actor.can(Permission.APPROVE_AFTERSALES))
        self.panel.currentChanged.connect(self.update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.panel)
        self.update_buttons(None)

    def _fetch(self, query: ListQuery) -> DataPage:
        return aftersales_list.list_returns(self.ctx.actor, query)

    def _paper(self, maker: Any, uuid: str) -> Any:
        return maker(self.ctx.actor, uuid, self.ctx.site_name)

    def update_buttons(self, row: dict[str, Any] | None) -> None:
        status = row["status"] if row else None
        self.buttons["decide"].setEnabled(status == ReturnStatus.NEGOTIATING.value)
        self.buttons["approve"].setEnabled(status == ReturnStatus.PENDING_APPROVAL.value)
        self.buttons["complete"].setEnabled(status == ReturnStatus.OPEN.value)
        self.buttons["print"].setEnabled(row is not None)
        if status == ReturnStatus.PENDING_APPROVAL.value:
            self.buttons["complete"].setToolTip(self.tr("退款超过审批金额，须主管审批后办结"))

    def new_order(self) -> None:
        dialog = ReturnDialog(self.ctx.actor, self)
        if dialog.exec() and dialog.saved is not None:
            self.after_change(self.tr("已登记 {0}（{1}），请打印凭证交顾客").format(
                dialog.saved.number, enum_text(dialog.saved.status, return_label)))
            self.select_uuid(dialog.saved.uuid)

    def decide(self) -> None:
        row = self.selected()
        if row is not None:
            uuid = row["uuid"]
            self.run(lambda: DecideDialog(self.ctx.actor, returns.get_return(self.ctx.actor, uuid), self),
                     self.tr("已记录协商结果"))
            self.select_uuid(uuid)

    def _simple(self, question: str, action: Any, done: str) -> None:
        row = self.selected()
        if row is None or not confirm(self, question.format(row["number"], row["refund_amount"])):
            return
        if not succeeded(self, lambda: action(self.ctx.actor, row["uuid"])):
            return
        self.after_change(done)
        self.select_uuid(row["uuid"])

    def approve(self) -> None:
        self._simple(self.tr("批准 {0} 退款 {1} 元？"), returns.approve, self.tr("已审批"))

    def complete(self) -> None:
        self._simple(self.tr("确认 {0} 已退款 {1} 元或已换货，办结？"), returns.complete, self.tr("已办结"))

    def show_order(self, uuid: str) -> None:
        self.select_uuid(uuid)
