"""After-sales settings for managers: return/exchange days per item category, approval threshold, stuck days."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from frontdesk.domain.returns import ItemCategory, Window, parse_money
from frontdesk.domain.returns import label as return_label
from frontdesk.domain.roles import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text


def _days(value: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, aftersales_settings.MAX_DAYS)
    box.setValue(value)
    return box


class PolicyDialog(FormDialog):
    """售后政策: saved for the whole site; new requests are checked against it (earlier ones keep theirs)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("售后政策设置"), parent, 460)
        self.actor = actor
        current = aftersales_settings.load()
        intro = QLabel(self.tr("购买当天为第 0 天；已登记的退换货按登记时的政策记录，不受修改影响。"))
        intro.setWordWrap(True)
        self.add_above(intro)
        self.windows: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for category in ItemCategory:
            window = current.policies[category.value]
            row_box = QWidget()
            row = QHBoxLayout(row_box)
            row.setContentsMargins(0, 0, 0, 0)
            back = _days(window.return_days, f"return_{category.value}")
            swap = _days(window.exchange_days, f"exchange_{category.value}")
            row.addWidget(QLabel(self.tr("退货")))
            row.addWidget(back)
            row.addWidget(QLabel(self.tr("天，换货")))
            row.addWidget(swap)
            row.addWidget(QLabel(self.tr("天")))
            row.addStretch(1)
            self.windows[category.value] = (back, swap)
            self.form.add(f"policy_{category.value}", enum_text(category.value, return_label), row_box)
        self.threshold = QLineEdit(str(current.refund_threshold))
        self.threshold.setObjectName("refund_threshold")
        self.stuck_days = QSpinBox()
        self.stuck_days.setObjectName("stuck_days")
        self.stuck_days.setRange(1, 90)
        self.stuck_days.setValue(current.stuck_days)
        self.stuck_days.setSuffix(self.tr(" 天"))
        self.form.add("refund_threshold", self.tr("退款审批金额（元）"), self.threshold)
        self.form.add("stuck_days", self.tr("维修滞留提醒"), self.stuck_days)

    def save(self) -> None:
        threshold = parse_money(self.threshold.text())
        if threshold is None or threshold <= 0:
            raise ValidationError({"refund_threshold": self.tr("请填写大于 0 的金额，最多两位小数")})
        policies = {k: Window(back.value(), swap.value()) for k, (back, swap) in self.windows.items()}
        aftersales_settings.save(self.actor, aftersales_settings.AftersalesSettings(
            policies, threshold, self.stuck_days.value()))
