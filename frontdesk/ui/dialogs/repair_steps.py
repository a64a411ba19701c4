"""Repair workflow dialogs: next step, customer notification, pickup with inspection and acceptance, rework."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from frontdesk.domain.repairs import NEXT, NotifyMethod, NotifyResult, RepairStatus
from frontdesk.domain.repairs import label as repair_label
from frontdesk.domain.roles import Actor
from frontdesk.services.aftersales import repairs
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.dialogs.repair_detail import accessories_text
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo

# steps taken with their own dialog, not with 推进
OWN_DIALOG = (RepairStatus.NOTIFIED, RepairStatus.PICKED_UP)



def _note(hint: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("note")
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setFixedHeight(height)
    return edit


def _header(order: dict[str, Any]) -> QLabel:
    text = QCoreApplication.translate("RepairSteps", "{0}　{1}　{2}　当前：{3}").format(
        order["customer_name"], order["item"], order["brand_model"], enum_text(order["status"], repair_label))
    return QLabel(text)  # one line: a wrapped label in a form row is clipped at its first height


class StepDialog(FormDialog):
    """推进: 送修, 开始维修, 已修好 / 无法修复, 关闭 — only the steps the workflow allows next."""

    def __init__(self, actor: Actor, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("推进维修进度 - {0}").format(order["number"]), parent, 540, Buttons.Ok)
        self.actor, self.order = actor, order
        steps = [s for s in NEXT[RepairStatus(order["status"])] if s not in OWN_DIALOG]
        self.status = ChoiceCombo([(s.value, enum_text(s.value, repair_label)) for s in steps])
        self.status.setObjectName("status")
        self.note = _note(self.tr("如：已送华为售后，快递单号…"))
        self.form.add("order", self.tr("工单"), _header(order))
        self.form.add("status", self.tr("转为"), self.status)
        self.form.add("note", self.tr("说明"), self.note)

    def save(self) -> None:
        repairs.advance(self.actor, self.order["uuid"], self.status.value() or "", self.note.toPlainText(),
                        revision=self.order.get("revision"))


class NotifyDialog(FormDialog):
    """通知客户取件: method and result are logged; reaching the customer moves the order to 已通知取件."""

    def __init__(self, actor: Actor, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("通知客户取件 - {0}").format(order["number"]), parent, 540, Buttons.Ok)
        self.actor, self.order = actor, order
        self.method = ChoiceCombo([(m.value, enum_text(m.value, repair_label)) for m in NotifyMethod])
        self.method.setObjectName("method")
        self.outcome = ChoiceCombo([(r.value, enum_text(r.value, repair_label)) for r in NotifyResult])
        self.outcome.setObjectName("result")
        self.note = _note(self.tr("如：客户说明天下午来取"), 56)
        self.form.add("order", self.tr("工单"), _header(order))
        self.form.add("phone", self.tr("联系电话"), QLabel(order["phone"]))
        self.form.add("method", self.tr("通知方式"), self.method)
        self.form.add("result", self.tr("通知结果"), self.outcome)
        self.form.add("note", self.tr("备注"), self.note)

    def save(self) -> None:
        repairs.notify(self.actor, self.order["uuid"], self.method.value(), self.outcome.value(),
                       self.note.toPlainText(), revision=self.order.get("revision"))


class PickupDialog(FormDialog):
    """取件验收: the clerk and customer check the item together; a dissatisfied customer reopens it (返修)."""

    def __init__(self, actor: Actor, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("取件验收 - {0}").format(order["number"]), parent, 540, Buttons.Ok)
        self.actor, self.order = actor, order
        self.inspection = _note(self.tr("如：试机正常，外观与收件时一致，配件齐全"), 56)
        self.inspection.setObjectName("inspection")
        self.accepted = QRadioButton(self.tr("满意，确认取件"))
        self.rejected = QRadioButton(self.tr("不满意，返修"))
        self.accepted.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.accepted)
        group.addButton(self.rejected)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.accepted)
        row.addWidget(self.rejected)
        row.addStretch(1)
        self.note = _note(self.tr("不满意时填写原因"), 56)
        self.form.add("order", self.tr("工单"), _header(order))
        self.form.add("accessories", self.tr("应还配件"), QLabel(accessories_text(order.get("accessories")) or self.tr("无")))
        self.form.add("inspection", self.tr("取件检查"), self.inspection)
        self.form.add("accepted", self.tr("顾客验收"), choice)
        self.form.add("note", self.tr("备注"), self.note)

    def save(self) -> None:
        repairs.pick_up(self.actor, self.order["uuid"], self.inspection.toPlainText(), self.accepted.isChecked(),
                        self.note.toPlainText(), revision=self.order.get("revision"))


class ReworkDialog(FormDialog):
    """返修: the order goes back to 已受理 with the reason; its history stays."""

    def __init__(self, actor: Actor, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("返修 - {0}").format(order["number"]), parent, 540, Buttons.Ok)
        self.actor, self.order = actor, order
        self.note = _note(self.tr("客户反映的问题"))
        self.form.add("order", self.tr("工单"), _header(order))
        self.form.add("note", self.tr("返修原因"), self.note)

    def save(self) -> None:
        repairs.rework(self.actor, self.order["uuid"], self.note.toPlainText(), revision=self.order.get("revision"))


def screenshot_dialogs() -> dict[str, Callable[[QWidget], QDialog]]:
    """The after-sales dialogs for ``frontdesk screenshots`` (name → factory(window))."""
    from frontdesk.services.aftersales import order_list as aftersales_list
    from frontdesk.services.aftersales import returns
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.ui.dialogs.aftersales_policy import PolicyDialog
    from frontdesk.ui.dialogs.repair_detail import RepairDetailDialog
    from frontdesk.ui.dialogs.repair_intake import RepairDialog
    from frontdesk.ui.dialogs.return_edit import DecideDialog, ReturnDialog

    def repair(win: QWidget, status: str | None = None) -> dict[str, Any]:
        rows = aftersales_list.list_repairs(win.ctx.actor, ListQuery(filters={"status": status}, page_size=1)).rows
        rows = rows or aftersales_list.list_repairs(win.ctx.actor, ListQuery(page_size=1)).rows
        return repairs.get_repair(win.ctx.actor, rows[0]["uuid"])

    def negotiating(win: QWidget) -> QDialog:
        rows = aftersales_list.list_returns(win.ctx.actor, ListQuery(filters={"status": "negotiating"})).rows
        rows = rows or aftersales_list.list_returns(win.ctx.actor, ListQuery(page_size=1)).rows
        return DecideDialog(win.ctx.actor, returns.get_return(win.ctx.actor, rows[0]["uuid"]), win)

    def return_errors(win: QWidget) -> QDialog:
        dialog = ReturnDialog(win.ctx.actor, win)
        dialog.customer_name.setText("王女士")
        dialog.amount_paid.setText("899")
        dialog.refund_amount.setText("999")
        dialog.accept()
        return dialog

    return {
        "return-new": lambda win: ReturnDialog(win.ctx.actor, win),
        "return-errors": return_errors,
        "return-decide": negotiating,
        "aftersales-policy": lambda win: PolicyDialog(win.ctx.actor, win),
        "repair-new": lambda win: RepairDialog(win.ctx.actor, win.ctx.paths.attachments, win),
        "repair-step": lambda win: StepDialog(win.ctx.actor, repair(win, "sent"), win),
        "repair-notify": lambda win: NotifyDialog(win.ctx.actor, repair(win, "repaired"), win),
        "repair-pickup": lambda win: PickupDialog(win.ctx.actor, repair(win, "notified"), win),
        "repair-rework": lambda win: ReworkDialog(win.ctx.actor, repair(win, "picked_up"), win),
        "repair-detail": lambda win: RepairDetailDialog(win.ctx.actor, repair(win, "closed")["uuid"],
                                                        win.ctx.paths.attachments, win),
    }
