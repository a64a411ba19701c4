"""Repair work orders page (维修工单): intake, workflow buttons, stuck orders highlighted, receipts and slips."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout

from frontdesk.domain.repairs import NEXT, REWORK_FROM, RepairStatus, Warranty
from frontdesk.domain.repairs import label as repair_label
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.aftersales import papers as aftersales_print
from frontdesk.services.aftersales import repairs
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.repair_detail import RepairDetailDialog
from frontdesk.ui.dialogs.repair_intake import RepairDialog
from frontdesk.ui.dialogs.repair_steps import (
    OWN_DIALOG,
    NotifyDialog,
    PickupDialog,
    ReworkDialog,
    StepDialog,
)
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import attempt
from frontdesk.ui.pages.aftersales_common import AftersalesPage
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

STUCK_BG = "#ffe0b2"


class RepairsPage(AftersalesPage):
    """Every repair order, newest first; orange rows have waited too long in their step."""

    kind = "repair"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(aftersales_list.REPAIRS, {
            "number": 172, "received_at": 122, "customer_name": 80, "phone": 105, "item": 80, "brand_model": 112,
            "warranty": 50, "status": 85, "status_since": 122, "estimated_date": 90, "rework_count": 60,
            "received_by_name": 70}, fmt={"rework_count": lambda v: str(v) if v else ""})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size,
                               self.tr("扫码或输入单号、电话、姓名"))
        self.site_filter = add_site_filter(self.panel, ctx.actor, beside_pager=True)  # head office; the bar is full
        self.panel.model.row_color = lambda row: STUCK_BG if row.get("stuck") else None
        self.status_filter = ChoiceCombo([(None, self.tr("全部状态"))] + [(s.value, enum_text(s.value, repair_label)) for s in RepairStatus])
        self.status_filter.setObjectName("statusFilter")
        self.warranty_filter = ChoiceCombo([(None, self.tr("保内保外"))] + [(w.value, enum_text(w.value, repair_label)) for w in Warranty])
        self.open_only = QCheckBox(self.tr("未取件"))
        self.stuck_only = QCheckBox(self.tr("仅滞留"))
        self.stuck_only.setObjectName("stuckOnly")
        self.stuck_only.setToolTip(self.tr("在同一状态停留超过设定天数的工单"))
        filters = QHBoxLayout()
        for key, combo in (("status", self.status_filter), ("warranty", self.warranty_filter)):
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self.panel.set_filter(k, c.value()))
            filters.addWidget(combo)
        self.open_only.toggled.connect(lambda on: self.panel.set_filter("open_only", on or None))
        self.stuck_only.toggled.connect(lambda on: self.panel.set_filter("stuck", on or None))
        filters.addWidget(self.open_only)
        filters.addWidget(self.stuck_only)
        filters.addStretch(1)

        self.add_button("new", self.tr("收件登记"), self.new_order)
        self.add_button("detail", self.tr("详情"), self.show_detail)
        self.add_button("step", self.tr("推进"), partial(self.act, StepDialog, self.tr("已更新维修进度")))
        self.add_button("notify", self.tr("通知取件"), partial(self.act, NotifyDialog, self.tr("已记录通知")))
        self.add_button("pickup", self.tr("取件验收"), partial(self.act, PickupDialog, self.tr("已记录取件")))
        self.add_button("rework", self.tr("返修"), partial(self.act, ReworkDialog, self.tr("已返修，工单重新受理")))
        self.add_print_button("print", self.tr("打印"), [
            (self.tr("维修受理单"), partial(self._paper, aftersales_print.repair_receipt)),
            (self.tr("维修取件单"), partial(self._paper, aftersales_print.pickup_slip)),
        ])
        self.add_common_buttons(aftersales_list.export_repairs, self.tr("维修工单"))
        self.panel.activated.connect(lambda _row: self.show_detail())
        self.panel.currentChanged.connect(self.update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.panel)
        self.update_buttons(None)

    def _fetch(self, query: ListQuery) -> DataPage:
        return aftersales_list.list_repairs(self.ctx.actor, query)

    def _paper(self, maker: Any, uuid: str) -> Any:
        return maker(self.ctx.actor, uuid, self.ctx.site_name)

    def update_buttons(self, row: dict[str, Any] | None) -> None:
        status = RepairStatus(row["status"]) if row else None
        steps = [s for s in NEXT[status] if s not in OWN_DIALOG] if status else []
        self.buttons["detail"].setEnabled(row is not None)
        self.buttons["print"].setEnabled(row is not None)
        self.buttons["step"].setEnabled(bool(steps))
        self.buttons["notify"].setEnabled(status in (RepairStatus.REPAIRED, RepairStatus.UNREPAIRABLE,
                                                     RepairStatus.NOTIFIED))
        self.buttons["pickup"].setEnabled(status is RepairStatus.NOTIFIED)
        self.buttons["rework"].setEnabled(status in REWORK_FROM)

    def new_order(self) -> None:
        dialog = RepairDialog(self.ctx.actor, self.ctx.paths.attachments, self)
        if dialog.exec() and dialog.saved is not None:
            self.after_change(self.tr("已受理维修工单 {0}，请打印受理单交顾客").format(dialog.saved.number))
            self.show_order(dialog.saved.uuid, open_detail=False)

    def act(self, cls: Any, message: str) -> None:
        row = self.selected()
        if row is None:
            return
        uuid = row["uuid"]
        if self.run(lambda: cls(self.ctx.actor, repairs.get_repair(self.ctx.actor, uuid), self), message):
            self.select_uuid(uuid)

    def show_detail(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_detail(row["uuid"])

    def _open_detail(self, uuid: str) -> None:
        dialog = attempt(self, lambda: RepairDetailDialog(self.ctx.actor, uuid, self.ctx.paths.attachments, self))
        if dialog is None:
            return
        dialog.exec()

    def show_order(self, uuid: str, open_detail: bool = True) -> None:
        self.select_uuid(uuid)
        if open_detail:
            self._open_detail(uuid)
