"""Key customer form (重点客户 / 常客): name, phone, level, note."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.domain.visits import CustomerLevel, KeyCustomerInput, label
from frontdesk.services.reception import visits as visit_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


class KeyCustomerDialog(FormDialog):
    """A new key/regular customer, or the edit of customer ``uuid``."""

    def __init__(self, actor: Actor, uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑重点客户") if uuid else self.tr("新增重点客户"), parent, 400)
        self.actor = actor
        self.uuid = uuid
        self.saved_uuid: str | None = None
        row = visit_service.get_key_customer(actor, uuid) if uuid else {}
        self.name = QLineEdit(row.get("name", ""))
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("单位或个人，如 金华物流有限公司"))
        self.phone = QLineEdit(row.get("phone", ""))
        self.phone.setObjectName("phone")
        self.level = ChoiceCombo(
            [(c.value, enum_text(c.value, label)) for c in CustomerLevel]
        )
        self.level.setObjectName("level")
        self.level.set_value(row.get("level", CustomerLevel.KEY.value))
        self.note = QLineEdit(row.get("note", ""))
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("如 车队规模、常走路段、联系人"))
        self.form.add("name", self.tr("客户名称"), self.name)
        self.form.add("phone", self.tr("联系电话"), self.phone)
        self.form.add("level", self.tr("类别"), self.level)
        self.form.add("note", self.tr("备注"), self.note)

    def save(self) -> None:
        data = KeyCustomerInput(self.name.text(), self.phone.text(), self.level.value(), self.note.text())
        self.saved_uuid = visit_service.save_key_customer(self.actor, data, self.uuid)
