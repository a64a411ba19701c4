"""Return/exchange form (退换货登记) with the live policy check and inspection, and the negotiation outcome dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.returns import (
    Decision,
    Inspection,
    ItemCategory,
    ReturnInput,
    ReturnKind,
    parse_money,
)
from frontdesk.domain.returns import label as return_label
from frontdesk.domain.roles import Actor
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.services.aftersales import returns
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo

OK_STYLE = "color: #2e7d32;"
WARN_STYLE = "color: #c62828; font-weight: bold;"



def _line(name: str, hint: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(hint)
    return edit


def _text(name: str, height: int = 52) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class ReturnDialog(FormDialog):
    """Takes a return or exchange; ``saved`` holds (uuid, number, status) after a successful save."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("退换货登记"), parent, 620)
        self.actor = actor
        self.saved: returns.SavedReturn | None = None
        self.customer_name = _line("customer_name", self.tr("如：王女士"))
        self.phone = _line("phone", self.tr("手机或座机"))
        self.kind = ChoiceCombo([(k.value, enum_text(k.value, return_label)) for k in ReturnKind])
        self.kind.setObjectName("kind")
        self.category = ChoiceCombo([(c.value, enum_text(c.value, return_label)) for c in ItemCategory])
        self.category.setObjectName("category")
        self.item = _line("item", self.tr("商品名称、规格"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.amount_paid = _line("amount_paid", self.tr("元，如 199.00"))
        self.purchase_date = DateField()
        self.purchase_date.setObjectName("purchase_date")
        self.purchase_date.setMaximumDate(QDate(clock.today()))
        self.has_receipt = QCheckBox(self.tr("有购物凭证"))
        self.has_receipt.setChecked(True)
        self.receipt_no = _line("receipt_no", self.tr("小票号或订单号"))
        receipt = QWidget()
        row = QHBoxLayout(receipt)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_receipt)
        row.addWidget(self.receipt_no, 1)
        self.reason = _text("reason")
        self.policy = QLabel()
        self.policy.setObjectName("policy")
        self.policy.setWordWrap(True)

        self.checks: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, text) in enumerate((("quality", self.tr("商品质量合格")), ("packaging", self.tr("包装完好")),
                                         ("accessories", self.tr("配件齐全")))):
            box = QCheckBox(text)
            box.setChecked(True)
            note = _line(f"{key}_note", self.tr("说明（如：吊牌在、缺少充电线）"))
            grid.addWidget(box, i, 0)
            grid.addWidget(note, i, 1)
            self.checks[key] = (box, note)
        grid.setColumnStretch(1, 1)

        self.decision = ChoiceCombo([(d.value, enum_text(d.value, return_label)) for d in Decision])
        self.decision.setObjectName("decision")
        self.refund_amount = _line("refund_amount", self.tr("元，不超过实付金额"))
        self.approval = QLabel()
        self.approval.setObjectName("approval")
        refund = QWidget()
        row = QHBoxLayout(refund)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.refund_amount, 1)
        row.addWidget(self.approval, 1)
        self.replacement_item = _line("replacement_item", self.tr("换货时填写换回的商品"))
        self.note = _text("note", 44)

        for name, text, widget in (
            ("customer_name", self.tr("顾客"), self.customer_name), ("phone", self.tr("联系电话"), self.phone),
            ("kind", self.tr("类型"), self.kind), ("category", self.tr("商品类别"), self.category),
            ("item", self.tr("商品"), self.item), ("quantity", self.tr("数量"), self.quantity),
            ("amount_paid", self.tr("实付金额"), self.amount_paid),
            ("purchase_date", self.tr("购买日期"), self.purchase_date),
            ("receipt_no", self.tr("购物凭证"), receipt), ("reason", self.tr("退换原因"), self.reason),
            ("policy", self.tr("政策核对"), self.policy), ("inspection", self.tr("验货检查"), grid_box),
            ("decision", self.tr("处理意见"), self.decision), ("refund_amount", self.tr("退款金额"), refund),
            ("replacement_item", self.tr("换回商品"), self.replacement_item), ("note", self.tr("备注"), self.note),
        ):
            self.form.add(name, text, widget)
        for signal in (self.kind.currentIndexChanged, self.category.currentIndexChanged,
                       self.purchase_date.dateChanged, self.has_receipt.toggled):
            signal.connect(self.update_policy)
        self.has_receipt.toggled.connect(self.receipt_no.setEnabled)
        self.refund_amount.textChanged.connect(self.update_approval)
        # A full refund is the usual case: the refund follows the amount paid until the clerk types one.
        self.amount_paid.textChanged.connect(self._refund_follows_paid)
        self.refund_amount.textEdited.connect(lambda _text: setattr(self, "refund_typed", True))
        self.refund_typed = False
        self.decision.currentIndexChanged.connect(self.update_approval)
        self.threshold = aftersales_settings.refund_threshold()
        self.update_policy()
        self.update_approval()

    def update_policy(self, *_args: Any) -> None:
        """The verdict as the clerk types: inside the category's window? receipt present?"""
        check = returns.policy_check(self.kind.value(), self.category.value(), self.purchase_date.value(),
                                     self.has_receipt.isChecked())
        if check.days_since is None:
            text = self.tr("填写购买日期后核对退换货期限")
        elif check.days_since < 0:
            text = self.tr("购买日期不能晚于今天")
        else:
            text = self.tr("购买后第 {0} 天，期限 {1} 天：{2}；{3}").format(
                check.days_since, check.window_days,
                self.tr("在期限内") if check.within_window else self.tr("已超出期限"),
                self.tr("有购物凭证") if check.receipt_ok else self.tr("无购物凭证"))
        self.policy.setText(text)
        self.policy.setStyleSheet("" if check.days_since is None else OK_STYLE if check.passes else WARN_STYLE)

    def _refund_follows_paid(self, text: str) -> None:
        if not self.refund_typed and self.kind.value() == ReturnKind.RETURN.value:
            self.refund_amount.setText(text)

    def update_approval(self, *_args: Any) -> None:
        refund = parse_money(self.refund_amount.text())
        over = self.decision.value() == Decision.AGREE.value and refund is not None and refund > self.threshold
        self.approval.setText(self.tr("超过 {0} 元，须主管审批").format(self.threshold) if over else "")
        self.approval.setStyleSheet(WARN_STYLE)

    def value(self) -> ReturnInput:
        (q, qn), (p, pn), (a, an) = (self.checks[k] for k in ("quality", "packaging", "accessories"))
        return ReturnInput(
            customer_name=self.customer_name.text(), phone=self.phone.text(), kind=self.kind.value(),
            category=self.category.value(), item=self.item.text(), amount_paid=self.amount_paid.text(),
            purchase_date=self.purchase_date.value(), has_receipt=self.has_receipt.isChecked(),
            receipt_no=self.receipt_no.text(), quantity=self.quantity.value(), reason=self.reason.toPlainText(),
            inspection=Inspection(q.isChecked(), qn.text(), p.isChecked(), pn.text(), a.isChecked(), an.text()),
            decision=self.decision.value(), refund_amount=self.refund_amount.text(),
            replacement_item=self.replacement_item.text(), note=self.note.toPlainText(),
        )

    def save(self) -> None:
        self.saved = returns.create_return(self.actor, self.value())


class DecideDialog(FormDialog):
    """协商结果: a negotiating request ends agreed (with refund / replacement) or refused."""

    def __init__(self, actor: Actor, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("协商结果 - {0}").format(order["number"]), parent, 460)
        self.actor, self.order = actor, order
        summary = QLabel(self.tr("{0}：{1}，实付 {2} 元").format(enum_text(order["kind"], return_label), order["item"],
                                                             order["amount_paid"]))
        self.decision = ChoiceCombo([(d.value, enum_text(d.value, return_label)) for d in (Decision.AGREE, Decision.REFUSE)])
        self.decision.setObjectName("decision")
        self.refund_amount = _line("refund_amount", self.tr("元，不超过实付金额"))
        self.replacement_item = _line("replacement_item", self.tr("换货时填写换回的商品"))
        self.note = _text("note", 60)
        self.form.add("summary", self.tr("申请"), summary)
        self.form.add("decision", self.tr("协商结果"), self.decision)
        self.form.add("refund_amount", self.tr("退款金额"), self.refund_amount)
        self.form.add("replacement_item", self.tr("换回商品"), self.replacement_item)
        self.form.add("note", self.tr("协商经过"), self.note)

    def save(self) -> None:
        returns.decide(self.actor, self.order["uuid"], self.decision.value(), self.refund_amount.text(),
                       self.replacement_item.text(), self.note.toPlainText(), revision=self.order.get("revision"))
