"""Transfer a contact to a department (转办), and record a department's reply."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.services.core import staff as staff_service
from frontdesk.services.reception import transfers
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.widgets.date_field import DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def to_py(value: QDateTime) -> datetime:
    return value.toPython().replace(second=0, microsecond=0)


class TransferDialog(FormDialog):
    """Department, due time (default: tomorrow this time) and instructions."""

    def __init__(self, actor: Actor, contact: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("转办 {0}").format(contact["number"]), parent, 440, Buttons.Ok)
        self.actor = actor
        self.contact = contact
        summary = QLabel(f"{contact.get('customer_name') or ''}：{contact.get('request') or ''}")
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #455a64; padding-bottom: 6px;")
        self.add_above(summary)
        self.department = ChoiceCombo(
            [(None, self.tr("（请选择）"))] + [(d["uuid"], d["name"]) for d in staff_service.list_departments(actor)]
        )
        self.department.setObjectName("department")
        self.due = DateTimeField(clock.now().replace(second=0) + timedelta(days=1), optional=False)
        self.due.setObjectName("due")
        self.instructions = QLineEdit()
        self.instructions.setObjectName("instructions")
        self.instructions.setPlaceholderText(self.tr("需要承办部门做什么、何时答复客户"))
        self.form.add("department_uuid", self.tr("承办部门"), self.department)
        self.form.add("due_at", self.tr("办理期限"), self.due)
        self.form.add("instructions", self.tr("转办说明"), self.instructions)

    def save(self) -> None:
        transfers.transfer_contact(
            self.actor, self.contact["uuid"], self.department.value(), to_py(self.due.dateTime()),
            self.instructions.text(),
        )


class ReplyDialog(FormDialog):
    """The department's reply and the result of a transfer."""

    def __init__(self, actor: Actor, transfer: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记部门答复 - {0}").format(transfer.get("contact_number", "")), parent, 440,
                         Buttons.Ok)
        self.actor = actor
        self.transfer = transfer
        self.reply = QLineEdit(transfer.get("reply") or "")
        self.reply.setObjectName("reply")
        self.result_edit = QLineEdit(transfer.get("result") or "")
        self.result_edit.setObjectName("result")
        self.form.add("reply", self.tr("部门答复"), self.reply)
        self.form.add("result", self.tr("处理结果"), self.result_edit)

    def save(self) -> None:
        transfers.record_reply(self.actor, self.transfer["uuid"], self.reply.text(), self.result_edit.text())
